using Finsam.Platform.Correlation;
using Finsam.Platform.Storage;
using MassTransit;
using Microsoft.Extensions.Logging;
using SerilogLogContext = Serilog.Context.LogContext;

namespace Finsam.Platform.Inbox;

/// <summary>
/// Base for every consumer: skips messages this consumer has already handled (the broker delivers at
/// least once, and the outbox may publish twice after a crash), and carries the correlation id from the
/// message into logs. Handlers must still be safe to repeat (write by key, not increment): a crash after
/// the handler but before the inbox record means the message comes again.
/// Exceptions are not caught: MassTransit retries and then moves the message to the _error queue.
/// </summary>
public abstract class InboxConsumer<TMessage>(IDocumentStore store, ILogger logger) : IConsumer<TMessage>
    where TMessage : class
{
    protected virtual string ConsumerName => GetType().Name;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException("A message without a MessageId cannot be deduplicated.");
        var correlationId = context.Headers.Get<string>(CorrelationContext.HeaderName);
        if (!CorrelationContext.IsValid(correlationId))
        {
            correlationId = CorrelationContext.NewId();
        }

        CorrelationContext.Current = correlationId;
        using var _ = SerilogLogContext.PushProperty(CorrelationContext.LogProperty, correlationId);

        var inbox = store.Collection<InboxRecord>(InboxRecord.CollectionName);
        var key = InboxRecord.KeyFor(ConsumerName, messageId);
        if (await inbox.GetAsync(key, context.CancellationToken) is not null)
        {
            logger.LogInformation("{Consumer} skipped duplicate {MessageType} {MessageId}", ConsumerName, typeof(TMessage).Name, messageId);
            return;
        }

        await HandleAsync(context.Message, context.CancellationToken);

        try
        {
            await inbox.InsertAsync(new InboxRecord
            {
                Id = key,
                Consumer = ConsumerName,
                MessageId = messageId.ToString(),
                ProcessedAt = DateTime.UtcNow,
            }, context.CancellationToken);
        }
        catch (DuplicateKeyException)
        {
            // A concurrent redelivery finished first; the handler is repeatable, so both outcomes agree.
        }

        logger.LogInformation("{Consumer} handled {MessageType} {MessageId}", ConsumerName, typeof(TMessage).Name, messageId);
    }

    protected abstract Task HandleAsync(TMessage message, CancellationToken cancellationToken);
}
