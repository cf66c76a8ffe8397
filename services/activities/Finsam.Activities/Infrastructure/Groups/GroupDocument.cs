using Finsam.Platform.Outbox;

namespace Finsam.Activities.Infrastructure.Groups;

/// <summary>
/// A group as stored. The aggregate is kept whole as JSON (<see cref="State"/>): it is only ever read and written
/// as a whole, and JSON keeps its dates, times and nested lists exact in both stores without a second object
/// model to map. The fields the service searches by are lifted out beside it and indexed.
/// </summary>
public sealed class GroupDocument : OutboxDocument
{
    public const string CollectionName = "groups";

    public string InsatsId { get; set; } = "";

    public string RequestId { get; set; } = "";

    public string CalendarToken { get; set; } = "";

    public List<string> LeaderSubjects { get; set; } = [];

    /// <summary>The <see cref="Domain.Groups.Group"/> serialized with System.Text.Json.</summary>
    public string State { get; set; } = "";
}
