namespace Finsam.Participants.Domain;

/// <summary>
/// Samtycke: the person lets these agencies exchange information about them, from a date until withdrawn.
/// Without it, secrecy (OSL) forbids sharing, so reads by another agency are refused.
/// </summary>
public sealed class Consent
{
    public required string Id { get; init; }

    /// <summary>Agency codes ("fk", "af", "kommun", "region", "annan").</summary>
    public required IReadOnlyList<string> Agencies { get; init; }

    public required DateOnly GivenOn { get; init; }

    public DateOnly? WithdrawnOn { get; set; }

    public required Actor RecordedBy { get; init; }

    public required DateTime RecordedAt { get; init; }

    /// <summary>The client's request id, so a retried GiveConsent returns this consent instead of adding another.</summary>
    public string? RequestId { get; init; }

    public bool IsActiveOn(DateOnly day) => GivenOn <= day && (WithdrawnOn is null || WithdrawnOn > day);
}
