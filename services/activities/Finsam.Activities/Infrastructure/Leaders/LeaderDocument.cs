using Finsam.Platform.Storage;

namespace Finsam.Activities.Infrastructure.Leaders;

/// <summary>A registered group leader; the id is the subject of their sign-in token.</summary>
public sealed class LeaderDocument : IDocument
{
    public const string CollectionName = "leaders";

    public string Id { get; set; } = "";

    public long Version { get; set; }

    public string DisplayName { get; set; } = "";

    public string Agency { get; set; } = "";

    public List<string> Qualifications { get; set; } = [];

    public DateTime RegisteredAt { get; set; }
}
