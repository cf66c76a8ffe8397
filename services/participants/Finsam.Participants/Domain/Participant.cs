using Finsam.Platform.Ids;

namespace Finsam.Participants.Domain;

/// <summary>
/// A registered person: the registry's aggregate. The id is opaque and is all other services ever see of
/// them. Consents and corrections live here too, so each change is one atomic write with its events.
/// </summary>
public sealed class Participant
{
    public required string Id { get; init; }

    /// <summary>Null once gallring has removed the identity.</summary>
    public Personnummer? Personnummer { get; set; }

    /// <summary>Null once gallring has removed the identity.</summary>
    public PersonName? Name { get; set; }

    public required Gender Gender { get; set; }

    public required int BirthYear { get; init; }

    public required bool IsSamordningsnummer { get; init; }

    /// <summary>
    /// Skyddade personuppgifter: the identity is shown only to the role that registered the person, and every
    /// event about them is anonymous (no participant id leaves the service).
    /// </summary>
    public required bool ProtectedIdentity { get; init; }

    public required DateTime RegisteredAt { get; init; }

    public required Actor RegisteredBy { get; init; }

    public List<Consent> Consents { get; init; } = [];

    public List<Correction> Corrections { get; init; } = [];

    /// <summary>When gallring removed the identifying data; null while the person is identifiable.</summary>
    public DateTime? IdentityRemovedAt { get; set; }

    /// <summary>The etag: the stored version this was read at. A write with a stale one is refused.</summary>
    public long Version { get; set; }

    /// <summary>The id other services may see: none for people with skyddade personuppgifter.</summary>
    public string? DownstreamId => ProtectedIdentity ? null : Id;

    /// <summary>Consent that lets <paramref name="agency"/> exchange information about the person on <paramref name="day"/>.</summary>
    public Consent? ActiveConsentFor(string agency, DateOnly day) =>
        Consents.FirstOrDefault(c => c.IsActiveOn(day) && c.Agencies.Contains(agency));

    /// <summary>A new, time-ordered id that says nothing about the person.</summary>
    public static string NewId() => SequentialIds.Next();
}

public sealed record PersonName(string Given, string Family);

/// <summary>Who did something: the token's subject and role, and the agency of an agency system.</summary>
public sealed record Actor(string Subject, string Role, string? Agency);
