using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Platform.Inbox;
using Finsam.Platform.Storage;
using Finsam.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Finsam.IntegrationTests;

/// <summary>An inbox consumer on the real broker: a message it can't place goes to _error after retries, and nothing else does.</summary>
public sealed class DeadLetterTests : BrokerTest
{
    [Fact]
    public async Task An_unprocessable_message_ends_in_the_error_queue_and_the_next_one_is_handled()
    {
        var recorder = new Recorder();
        await using var host = new BusHost(Broker, "strict",
            bus => bus.AddConsumer<KnownGendersConsumer>(),
            services => services.AddSingleton(recorder));
        await host.StartAsync();

        await host.Bus.Publish(
            new ParticipantRegistered(Guid.NewGuid().ToString(), "unknown-gender", 1990, DateTime.UtcNow),
            TestContext.Current.CancellationToken);
        await host.Bus.Publish(
            new ParticipantRegistered(Guid.NewGuid().ToString(), ParticipantGenders.Woman, 1990, DateTime.UtcNow),
            TestContext.Current.CancellationToken);

        var dead = await Eventually.ReturnsAsync(
            () => Broker.MessageCountAsync("strict-known-genders_error"),
            n => n >= 1,
            TimeSpan.FromSeconds(30),
            "the unprocessable message in strict-known-genders_error");
        Assert.Equal(1u, dead);
        await Eventually.ReturnsAsync(() => Task.FromResult(recorder.Handled.Count), n => n >= 1, TimeSpan.FromSeconds(10), "the valid message handled");
        Assert.Equal(ParticipantGenders.Woman, Assert.Single(recorder.Handled).Gender);
        Assert.Equal(0u, await Broker.MessageCountAsync("strict-known-genders"));
    }
}

/// <summary>Refuses a gender it doesn't know as unprocessable (no retry can help), records the rest.</summary>
public sealed class KnownGendersConsumer(IDocumentStore store, Recorder recorder, ILogger<KnownGendersConsumer> logger)
    : InboxConsumer<ParticipantRegistered>(store, logger)
{
    protected override Task HandleAsync(ParticipantRegistered message, CancellationToken cancellationToken)
    {
        if (!ParticipantGenders.IsKnown(message.Gender))
        {
            throw new UnprocessableMessageException($"ParticipantRegistered with unknown gender '{message.Gender}'.");
        }

        recorder.Handled.Enqueue(message);
        return Task.CompletedTask;
    }
}
