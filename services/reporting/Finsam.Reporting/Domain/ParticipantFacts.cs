namespace Finsam.Reporting.Domain;

/// <summary>What reporting knows about one participant: an opaque id and statistical facts, never identity.</summary>
public sealed record ParticipantFacts(string ParticipantId, string Gender, int BirthYear, DateTime RegisteredAt);

/// <summary>Registered participants by gender.</summary>
public sealed record GenderSummary(int Women, int Men, int Other)
{
    public int Total => Women + Men + Other;
}
