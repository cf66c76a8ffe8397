using Finsam.Platform.Correlation;
using Finsam.Platform.Storage;
using MassTransit;
using Microsoft.Extensions.Logging;
using SerilogLogContext = Serilog.Context.LogContext;

namespace Finsam.Platform.Inbox;

/// <summary>
/// Base for every consumer: a message is handled at most once per consumer, although the broker delivers
/// at least once and the outbox may publish twice after a crash. The consumer first *claims* the message
/// (a unique insert), then handles it, then marks the claim done. Copies arriving while the first is being
/// handled find the claim and are retried (see <see cref="Messaging.MessagingServiceCollectionExtensions"/>)
/// until it is done, then dropped. A failing handler releases its claim so the retry can run. A claim whose
/// lease has run out (its process died mid-handler) is taken over; a live claim never is, so two instances
/// of a service can't both handle one message.
/// Handlers should still write by key: a crash after the handler but before "done" runs it again.
/// Exceptions are not swallowed: after the retries the message moves to the _error queue.
/// </summary>
public abstract class InboxConsumer<TMessage>(IDocumentStore store, ILogger logger) : IConsumer<TMessage>
    where TMessage : class
{
    /// <summary>
    /// A claim older than this is abandoned. Handlers take milliseconds; the busy retries span longer than
    /// this, so a redelivery after a crash waits the lease out and then takes over rather than dead-lettering.
    /// </summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

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
        var claim = await TryClaimAsync(inbox, messageId, context.CancellationToken);
        if (claim is null)
        {
            logger.LogInformation("{Consumer} skipped duplicate {MessageType} {MessageId}", ConsumerName, typeof(TMessage).Name, messageId);
            return;
        }

        try
        {
            await HandleAsync(context.Message, context.CancellationToken);
        }
        catch
        {
            await inbox.DeleteAsync(claim.Id, CancellationToken.None);
            throw;
        }

        claim.Status = InboxRecord.Done;
        claim.ProcessedAt = DateTime.UtcNow;
        await inbox.ReplaceAsync(claim, claim.Version, CancellationToken.None);
        logger.LogInformation("{Consumer} handled {MessageType} {MessageId}", ConsumerName, typeof(TMessage).Name, messageId);
    }

    protected abstract Task HandleAsync(TMessage message, CancellationToken cancellationToken);

    /// <summary>The claim to handle under, or null when the message was already handled.</summary>
    private async Task<InboxRecord?> TryClaimAsync(IDocumentCollection<InboxRecord> inbox, Guid messageId, CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        var claim = new InboxRecord
        {
            Id = InboxRecord.KeyFor(ConsumerName, messageId),
            Consumer = ConsumerName,
            MessageId = messageId.ToString(),
            Status = InboxRecord.Processing,
            ClaimedAt = now,
        };
        try
        {
            await inbox.InsertAsync(claim, cancellationToken);
            return claim;
        }
        catch (DuplicateKeyException)
        {
            var existing = await inbox.GetAsync(claim.Id, cancellationToken)
                ?? throw new InboxClaimBusyException(claim.Id); // released between our insert and read: retry
            if (existing.Status == InboxRecord.Done)
            {
                return null;
            }

            if (now - existing.ClaimedAt.ToUniversalTime() <= Lease)
            {
                throw new InboxClaimBusyException(claim.Id);
            }

            var expected = existing.Version;
            existing.ClaimedAt = now;
            return await inbox.ReplaceAsync(existing, expected, cancellationToken)
                ? existing
                : throw new InboxClaimBusyException(claim.Id);
        }
    }
}

/// <summary>Another delivery of the same message is being handled right now; MassTransit retries this one.</summary>
public sealed class InboxClaimBusyException(string key) : Exception($"Message {key} is being handled by another delivery.");

/// <summary>
/// The message can never be processed as it is (e.g. an event with a value this consumer doesn't know):
/// it goes to the _error queue at once, without retries, for a person to look at.
/// </summary>
public class UnprocessableMessageException(string message) : Exception(message);
