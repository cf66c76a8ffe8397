namespace Finsam.Participants.Application.Referrals;

/// <summary>
/// The free-text fields of referrals, validated with <see cref="Validation.FreeText"/>: the purpose and a
/// decline note may span lines; the handläggare's name and the agency's reference are one line.
/// </summary>
public static class ReferralTexts
{
    public const int PurposeMaxLength = 2000;
    public const int HandlaggareMaxLength = 200;
    public const int AgencyReferenceMaxLength = 100;
    public const int DeclineNoteMaxLength = 1000;
}
