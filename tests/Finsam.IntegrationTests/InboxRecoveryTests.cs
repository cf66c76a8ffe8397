using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Platform.Inbox;
using Finsam.Platform.Storage;
using Finsam.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Finsam.IntegrationTests;

/// <summary>The inbox never strands a message: a failed handler's claim is released, a dead process's claim taken over.</summary>
public sealed class InboxRecoveryTests : BrokerTest
{
    [Fact]
    public async Task A_handler_that_fails_once_is_retried_and_handled()
    {
        var recorder = new Recorder();
        await using var host = new BusHost(Broker, "flaky", bus => bus.AddConsumer<FailsOnceConsumer>(),
            services => services.AddSingleton(recorder).AddSingleton(new FailureBudget(1)));
        await host.StartAsync();

        var messageId = Guid.NewGuid();
        await host.Bus.Publish(
            new ParticipantRegistered(Guid.NewGuid().ToString(), ParticipantGenders.Man, 1970, DateTime.UtcNow),
            c => c.MessageId = messageId,
            TestContext.Current.CancellationToken);

        await Eventually.ReturnsAsync(() => Task.FromResult(recorder.Handled.Count), n => n == 1, TimeSpan.FromSeconds(20), "the retried message");
        var claim = await Eventually.ReturnsAsync(
            () => host.Store.Collection<InboxRecord>(InboxRecord.CollectionName).GetAsync(InboxRecord.KeyFor(nameof(FailsOnceConsumer), messageId)),
            r => r?.Status == InboxRecord.Done,
            TimeSpan.FromSeconds(10),
            "the claim to be marked done");
        Assert.NotNull(claim!.ProcessedAt);
        Assert.Null(await Broker.MessageCountAsync("flaky-fails-once_error"));
    }

    [Fact]
    public async Task A_live_claim_of_another_instance_is_not_taken_over()
    {
        var recorder = new Recorder();
        await using var host = new BusHost(Broker, "second", bus => bus.AddConsumer<RecordingConsumer>(),
            services => services.AddSingleton(recorder));
        var messageId = Guid.NewGuid();
        // Another instance of the same service is handling this message right now.
        await DeliverWhileClaimedAsync(host, messageId, claimedAt: DateTime.UtcNow);

        await Task.Delay(TimeSpan.FromSeconds(4), TestContext.Current.CancellationToken);
        Assert.Empty(recorder.Handled);
        Assert.Null(await Broker.MessageCountAsync("second-recording_error"));
    }

    [Fact]
    public async Task A_claim_left_by_a_dead_process_is_taken_over_once_its_lease_has_run_out()
    {
        var recorder = new Recorder();
        await using var host = new BusHost(Broker, "survivor", bus => bus.AddConsumer<RecordingConsumer>(),
            services => services.AddSingleton(recorder));
        var messageId = Guid.NewGuid();
        // What a process that crashed mid-handler leaves behind.
        await DeliverWhileClaimedAsync(host, messageId, claimedAt: DateTime.UtcNow - InboxConsumer<ParticipantRegistered>.Lease - TimeSpan.FromSeconds(5));

        await Eventually.ReturnsAsync(() => Task.FromResult(recorder.Handled.Count), n => n == 1, TimeSpan.FromSeconds(20), "the redelivered message");
    }

    /// <summary>Leaves a claim on the message as another process would, starts the host, then delivers the message.</summary>
    private static async Task DeliverWhileClaimedAsync(BusHost host, Guid messageId, DateTime claimedAt)
    {
        await host.Store.Collection<InboxRecord>(InboxRecord.CollectionName).InsertAsync(new InboxRecord
        {
            Id = InboxRecord.KeyFor(nameof(RecordingConsumer), messageId),
            Consumer = nameof(RecordingConsumer),
            MessageId = messageId.ToString(),
            Status = InboxRecord.Processing,
            ClaimedAt = claimedAt,
        }, TestContext.Current.CancellationToken);
        await host.StartAsync();
        await host.Bus.Publish(
            new ParticipantRegistered(Guid.NewGuid().ToString(), ParticipantGenders.Woman, 1999, DateTime.UtcNow),
            c => c.MessageId = messageId,
            TestContext.Current.CancellationToken);
    }
}

/// <summary>How many times <see cref="FailsOnceConsumer"/> still fails.</summary>
public sealed class FailureBudget(int failures)
{
    private int _remaining = failures;

    public bool Spend() => Interlocked.Decrement(ref _remaining) >= 0;
}

public sealed class FailsOnceConsumer(IDocumentStore store, Recorder recorder, FailureBudget budget, ILogger<FailsOnceConsumer> logger)
    : InboxConsumer<ParticipantRegistered>(store, logger)
{
    protected override Task HandleAsync(ParticipantRegistered message, CancellationToken cancellationToken)
    {
        if (budget.Spend())
        {
            throw new InvalidOperationException("A short fault, e.g. the store was busy.");
        }

        recorder.Handled.Enqueue(message);
        return Task.CompletedTask;
    }
}
