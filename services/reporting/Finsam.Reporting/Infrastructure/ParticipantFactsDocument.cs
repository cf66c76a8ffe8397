using Finsam.Platform.Storage;

namespace Finsam.Reporting.Infrastructure;

/// <summary>One participant's facts; the id is the opaque participant id.</summary>
public sealed class ParticipantFactsDocument : IDocument
{
    public const string CollectionName = "participant_facts";

    public string Id { get; set; } = "";

    public long Version { get; set; }

    public string Gender { get; set; } = "";

    public int BirthYear { get; set; }

    public DateTime RegisteredAt { get; set; }
}
