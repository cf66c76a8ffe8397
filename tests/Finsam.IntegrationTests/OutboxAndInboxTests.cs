using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Platform.Inbox;
using Finsam.Platform.Messaging;
using Finsam.Platform.Outbox;
using Finsam.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Finsam.IntegrationTests;

/// <summary>The outbox dispatcher and the inbox against a real RabbitMQ on 127.0.0.1.</summary>
public sealed class OutboxAndInboxTests : BrokerTest
{
    [Fact]
    public async Task Dispatcher_publishes_every_stored_event_once_and_empties_the_outbox()
    {
        var recorder = new Recorder();
        await using var consumer = new BusHost(Broker, "consumer", bus => bus.AddConsumer<RecordingConsumer>(),
            services => services.AddSingleton(recorder));
        await consumer.StartAsync();

        await using var publisher = new BusHost(Broker, "publisher", services: services => services.AddFinsamOutbox(TestAggregate.CollectionName));
        var aggregates = publisher.Store.Collection<TestAggregate>(TestAggregate.CollectionName);
        var ids = Enumerable.Range(0, 25).Select(_ => Guid.NewGuid().ToString()).ToList();
        // Stored before the dispatcher runs: it must find them by polling, as after a restart.
        foreach (var id in ids)
        {
            var aggregate = new TestAggregate { Id = id, Label = "x" };
            aggregate.Enqueue(new ParticipantRegistered(id, ParticipantGenders.Woman, 1990, DateTime.UtcNow));
            await aggregates.InsertAsync(aggregate, TestContext.Current.CancellationToken);
        }

        await publisher.StartAsync();

        await Eventually.ReturnsAsync(() => Task.FromResult(recorder.Handled.Count), n => n >= ids.Count, TimeSpan.FromSeconds(30), "all 25 events");
        await Task.Delay(500, TestContext.Current.CancellationToken);
        Assert.Equal(ids.Order(), recorder.Handled.Select(e => e.ParticipantId).Order());
        var pending = await publisher.Store.GetPendingOutboxAsync(TestAggregate.CollectionName, 100, TestContext.Current.CancellationToken);
        Assert.Empty(pending);
        Assert.All(await aggregates.FindAsync(a => a.Label == "x", cancellationToken: TestContext.Current.CancellationToken), a => Assert.False(a.OutboxPending));
    }

    [Fact]
    public async Task Dispatcher_keeps_events_while_theBroker_is_unreachable_and_sends_them_after()
    {
        var recorder = new Recorder();
        await using var consumer = new BusHost(Broker, "consumer", bus => bus.AddConsumer<RecordingConsumer>(),
            services => services.AddSingleton(recorder));
        await consumer.StartAsync();

        await using var link = new TcpChaosProxy(RabbitMqTestVirtualHost.Port);
        await using var publisher = new BusHost(Broker, "publisher",
            services: services => services.AddFinsamOutbox(TestAggregate.CollectionName),
            brokerPort: link.Port);
        await publisher.StartAsync();

        link.Block();
        var aggregates = publisher.Store.Collection<TestAggregate>(TestAggregate.CollectionName);
        var signal = publisher.Services.GetRequiredService<OutboxSignal>();
        for (var i = 0; i < 10; i++)
        {
            var aggregate = new TestAggregate { Id = Guid.NewGuid().ToString() };
            aggregate.Enqueue(new ParticipantRegistered(aggregate.Id, ParticipantGenders.Man, 1980, DateTime.UtcNow));
            await aggregates.InsertAsync(aggregate, TestContext.Current.CancellationToken);
            signal.Notify();
        }

        await Task.Delay(TimeSpan.FromSeconds(4), TestContext.Current.CancellationToken);
        Assert.Empty(recorder.Handled);
        Assert.Equal(10, (await publisher.Store.GetPendingOutboxAsync(TestAggregate.CollectionName, 100, TestContext.Current.CancellationToken)).Count);

        link.Unblock();
        await Eventually.ReturnsAsync(() => Task.FromResult(recorder.Handled.Count), n => n >= 10, TimeSpan.FromSeconds(90), "the 10 held events");
        await Eventually.ReturnsAsync(
            async () => (await publisher.Store.GetPendingOutboxAsync(TestAggregate.CollectionName, 100)).Count,
            n => n == 0, TimeSpan.FromSeconds(10), "the outbox to empty");
        await Task.Delay(500, TestContext.Current.CancellationToken);
        Assert.Equal(10, recorder.Handled.Count);
        Assert.Equal(10, recorder.Handled.Select(e => e.ParticipantId).Distinct().Count());
    }

    [Fact]
    public async Task A_redelivered_message_is_handled_once_but_a_new_message_with_the_same_content_is_not_dropped()
    {
        var recorder = new Recorder();
        await using var host = new BusHost(Broker, "consumer", bus => bus.AddConsumer<RecordingConsumer>(),
            services => services.AddSingleton(recorder));
        await host.StartAsync();

        var registered = new ParticipantRegistered(Guid.NewGuid().ToString(), ParticipantGenders.Other, 1975, DateTime.UtcNow);
        var messageId = Guid.NewGuid();
        for (var i = 0; i < 3; i++)
        {
            await host.Bus.Publish(registered, c => c.MessageId = messageId, TestContext.Current.CancellationToken);
        }

        await host.Bus.Publish(registered, c => c.MessageId = Guid.NewGuid(), TestContext.Current.CancellationToken);

        await Eventually.ReturnsAsync(() => Task.FromResult(recorder.Handled.Count), n => n >= 2, TimeSpan.FromSeconds(20), "two distinct messages");
        await Task.Delay(1000, TestContext.Current.CancellationToken);
        Assert.Equal(2, recorder.Handled.Count);

        var inbox = host.Store.Collection<InboxRecord>(InboxRecord.CollectionName);
        var record = await inbox.GetAsync(InboxRecord.KeyFor(nameof(RecordingConsumer), messageId), TestContext.Current.CancellationToken);
        Assert.NotNull(record);
        Assert.Equal(messageId.ToString(), record.MessageId);
    }
}
