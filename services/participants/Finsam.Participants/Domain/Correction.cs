namespace Finsam.Participants.Domain;

/// <summary>
/// One change to a recorded fact. Facts are corrected, never silently overwritten: the earlier value, who
/// changed it, when and why are kept, and a history call lists them all.
/// </summary>
/// <param name="Field">The API's field name, e.g. "gender" or "end_date".</param>
/// <param name="OldValue">As text, the way the API shows it; empty when there was none.</param>
public sealed record Correction(string Field, string OldValue, string NewValue, Actor ChangedBy, DateTime ChangedAt, string Reason)
{
    public const int MaxReasonLength = 500;
}
