using Finsam.Platform.Storage;

namespace Finsam.Reporting.Infrastructure.Journal;

/// <summary>
/// One consumed event. The id is the bus message id, so the unique _id index is what makes a second copy of a
/// message a no-op; no inbox claim is needed.
/// </summary>
public sealed class JournalEntryDocument : IDocument
{
    public const string CollectionName = "event_journal";

    /// <summary>The message id ("D" format).</summary>
    public string Id { get; set; } = "";

    public long Version { get; set; }

    /// <summary>The event's full CLR type name, as <see cref="Finsam.IntegrationEvents.IntegrationEventTypes"/> resolves it.</summary>
    public string Type { get; set; } = "";

    /// <summary>The event as JSON, serialized as the outbox does (System.Text.Json, Web defaults).</summary>
    public string Payload { get; set; } = "";

    /// <summary>When the fact happened in its service (the event's own OccurredAt).</summary>
    public DateTime OccurredAt { get; set; }

    /// <summary>When reporting received it.</summary>
    public DateTime ReceivedAt { get; set; }

    /// <summary>Arrival order within this store, from <see cref="JournalSequenceDocument"/>. Unique; may have gaps.</summary>
    public long Sequence { get; set; }
}

/// <summary>
/// The journal's counter: the last sequence handed out. Taken by a version-checked replace, so two appends never
/// get the same number, whatever the clocks of the instances say.
/// </summary>
public sealed class JournalSequenceDocument : IDocument
{
    public const string CollectionName = "event_journal_sequence";

    public const string SingletonId = "event_journal";

    public string Id { get; set; } = SingletonId;

    public long Version { get; set; }

    public long Last { get; set; }
}

/// <summary>
/// An unlinked event (<see cref="Finsam.IntegrationEvents.IUnlinkedEvent"/>) as kept: its random message id, type and
/// payload, and nothing else. No arrival time and no sequence, so its place among the other events is not stored.
/// </summary>
public sealed class UnlinkedEventDocument : IDocument
{
    public const string CollectionName = "unlinked_events";

    public string Id { get; set; } = "";

    public long Version { get; set; }

    public string Type { get; set; } = "";

    public string Payload { get; set; } = "";
}
