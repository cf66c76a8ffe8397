using Finsam.IntegrationEvents;
using Finsam.Platform.Inbox;
using Finsam.Reporting.Application.Journal;
using Finsam.Reporting.Application.ReadModels;
using MassTransit;

namespace Finsam.Reporting.Infrastructure.Journal;

/// <summary>
/// Journals one event type. One closed type per event in <see cref="IntegrationEventTypes.All"/>, all on the queue
/// "reporting-journal". Not an <see cref="InboxConsumer{TMessage}"/>: the journal's unique message id already makes
/// a duplicate a no-op, and a claim would be a second write for nothing.
/// </summary>
public sealed class JournalConsumer<TEvent>(IEventJournal journal, JournalAppended appended, ILogger<JournalConsumer<TEvent>> logger) : IConsumer<TEvent>
    where TEvent : class, IIntegrationEvent
{
    public async Task Consume(ConsumeContext<TEvent> context)
    {
        // Without an id a copy can't be told from a new event; straight to _error rather than journalled twice.
        var messageId = context.MessageId
            ?? throw new UnprocessableMessageException($"{typeof(TEvent).Name} without a MessageId cannot be journalled.");
        if (!await journal.AppendAsync(messageId, context.Message, DateTime.UtcNow, context.CancellationToken))
        {
            logger.LogInformation("Journal skipped duplicate {MessageType} {MessageId}", typeof(TEvent).Name, messageId);
            return;
        }

        appended.Notify();
    }
}
