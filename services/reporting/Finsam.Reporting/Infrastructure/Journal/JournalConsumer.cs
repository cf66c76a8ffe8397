using Finsam.IntegrationEvents;
using Finsam.Platform.Correlation;
using Finsam.Platform.Inbox;
using Finsam.Reporting.Application.Journal;
using Finsam.Reporting.Application.ReadModels;
using MassTransit;
using SerilogLogContext = Serilog.Context.LogContext;

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

        // The request's correlation id follows the event into this log, so one id finds a request in every service.
        var correlationId = context.Headers.Get<string>(CorrelationContext.HeaderName);
        using var _ = SerilogLogContext.PushProperty(CorrelationContext.LogProperty,
            CorrelationContext.IsValid(correlationId) ? correlationId : CorrelationContext.NewId());
        if (!await journal.AppendAsync(messageId, context.Message, DateTime.UtcNow, context.CancellationToken))
        {
            logger.LogInformation("Journal skipped duplicate {MessageType} {MessageId}", typeof(TEvent).Name, messageId);
            return;
        }

        logger.LogInformation("Journal handled {MessageType} {MessageId}", typeof(TEvent).Name, messageId);
        appended.Notify();
    }
}
