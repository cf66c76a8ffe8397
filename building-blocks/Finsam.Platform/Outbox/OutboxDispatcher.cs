using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Finsam.IntegrationEvents;
using Finsam.Platform.Correlation;
using Finsam.Platform.Storage;
using MassTransit;
using SerilogLogContext = Serilog.Context.LogContext;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Finsam.Platform.Outbox;

/// <summary>
/// Publishes the events waiting in documents. Each event is published with its outbox id as message id,
/// awaited until the broker confirms, and only then removed from its document. If the broker is away,
/// the round stops at the first failure and is retried with backoff, so nothing is skipped. A crash
/// between confirm and removal publishes the event again; consumers drop it through their inbox.
/// </summary>
public sealed class OutboxDispatcher(
    IDocumentStore store,
    IBus bus,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private readonly OutboxOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var dispatched = await DispatchPendingAsync(stoppingToken);
                backoff = TimeSpan.FromMilliseconds(250);
                if (dispatched == 0)
                {
                    await signal.WaitAsync(_options.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning("Outbox dispatch failed ({Error}); retrying in {Backoff} ms", ex.Message, backoff.TotalMilliseconds);
                await Task.Delay(backoff, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _options.MaxBackoff.Ticks));
            }
        }
    }

    /// <summary>Publishes what is pending now; returns how many events left the outbox.</summary>
    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        var dispatched = 0;
        foreach (var collection in _options.Collections)
        {
            var pending = await store.GetPendingOutboxAsync(collection, _options.BatchSize, cancellationToken);
            foreach (var message in pending)
            {
                if (!TryReadEvent(message.Entry, out var eventType, out var payload))
                {
                    // Left in place (a newer version of the service may know it), but it must not hold up the rest.
                    continue;
                }

                await PublishAsync(message.Entry, eventType, payload, cancellationToken);
                await store.MarkOutboxDispatchedAsync(message.Collection, message.DocumentId, message.Entry.MessageId, cancellationToken);
                dispatched++;
            }
        }

        return dispatched;
    }

    private bool TryReadEvent(OutboxEntry entry, out Type eventType, [NotNullWhen(true)] out object? payload)
    {
        payload = null;
        if (!IntegrationEventTypes.TryResolve(entry.MessageType, out eventType))
        {
            logger.LogError("Outbox entry {MessageId} has unknown event type {MessageType}; skipped", entry.MessageId, entry.MessageType);
            return false;
        }

        try
        {
            payload = JsonSerializer.Deserialize(entry.Payload, eventType, OutboxJson.Options);
            return payload is not null;
        }
        catch (JsonException ex)
        {
            logger.LogError("Outbox entry {MessageId} ({MessageType}) does not deserialize ({Error}); skipped", entry.MessageId, entry.MessageType, ex.Message);
            return false;
        }
    }

    private async Task PublishAsync(OutboxEntry entry, Type eventType, object message, CancellationToken cancellationToken)
    {
        using var logScope = SerilogLogContext.PushProperty(CorrelationContext.LogProperty, entry.CorrelationId);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.PublishTimeout);
        await bus.Publish(message, eventType, Pipe.Execute<PublishContext>(context =>
        {
            context.MessageId = Guid.Parse(entry.MessageId);
            if (entry.CorrelationId is not null)
            {
                context.Headers.Set(CorrelationContext.HeaderName, entry.CorrelationId);
            }
        }), timeout.Token);

        logger.LogInformation("Published {MessageType} {MessageId}", eventType.Name, entry.MessageId);
    }
}
