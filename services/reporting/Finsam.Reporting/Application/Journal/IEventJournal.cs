using Finsam.IntegrationEvents;

namespace Finsam.Reporting.Application.Journal;

/// <summary>
/// Every integration event reporting has consumed, once each, in the order it arrived. The read models can be
/// rebuilt from it: replaying the journal must give the same figures as the incremental path did.
/// Append-only: nothing here updates or deletes an entry.
/// </summary>
public interface IEventJournal
{
    /// <summary>
    /// Keeps <paramref name="integrationEvent"/> under its bus message id. Returns false, and stores nothing, when
    /// that id is already in the journal: a redelivered or republished message is a no-op.
    /// </summary>
    Task<bool> AppendAsync(Guid messageId, IIntegrationEvent integrationEvent, DateTime receivedAt, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> entries with a sequence above <paramref name="afterSequence"/>, in sequence order (0: from the start).</summary>
    Task<IReadOnlyList<JournalEntry>> ReadAsync(long afterSequence, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// The unlinked events (<see cref="IUnlinkedEvent"/>: survey answers, evaluation forms), kept apart from the
    /// ordered journal without a sequence or an arrival time, in message-id order (random) after
    /// <paramref name="afterMessageId"/> (page on with the last entry's id). Their projections sum them per month,
    /// so their order never matters.
    /// </summary>
    Task<IReadOnlyList<UnlinkedEntry>> ReadUnlinkedAsync(Guid? afterMessageId, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// How many unlinked events are kept. They have no sequence to checkpoint, and none is ever removed, so a
    /// projection that has applied this many has applied them all.
    /// </summary>
    Task<long> CountUnlinkedAsync(CancellationToken cancellationToken);
}

/// <summary>One journalled event, deserialized back to its V1 record. Page on with <see cref="Sequence"/>.</summary>
public sealed record JournalEntry(long Sequence, Guid MessageId, IIntegrationEvent Event, DateTime ReceivedAt);

/// <summary>One unlinked event and its (random) message id, the only cursor there is for paging through them.</summary>
public sealed record UnlinkedEntry(Guid MessageId, IUnlinkedEvent Event);
