using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Reporting.Application;
using Finsam.Reporting.Infrastructure;
using Finsam.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Finsam.IntegrationTests;

/// <summary>Reporting's real consumer on the real broker: a fact it can't place goes to _error, not into the figures.</summary>
public sealed class DeadLetterTests : BrokerTest
{
    [Fact]
    public async Task Invalid_event_ends_in_the_error_queue_after_retries_and_changes_no_figures()
    {
        await using var reporting = new BusHost(Broker, "reporting",
            bus => bus.AddConsumer<ParticipantRegisteredConsumer>(),
            services => services
                .AddSingleton<IParticipantFactsStore, DocumentParticipantFactsStore>()
                .AddScoped<ParticipantRegisteredProjection>());
        await reporting.StartAsync();

        await reporting.Bus.Publish(
            new ParticipantRegistered(Guid.NewGuid().ToString(), "unknown-gender", 1990, DateTime.UtcNow),
            TestContext.Current.CancellationToken);
        await reporting.Bus.Publish(
            new ParticipantRegistered(Guid.NewGuid().ToString(), ParticipantGenders.Woman, 1990, DateTime.UtcNow),
            TestContext.Current.CancellationToken);

        var dead = await Eventually.ReturnsAsync(
            () => Broker.MessageCountAsync("reporting-participant-registered_error"),
            n => n >= 1,
            TimeSpan.FromSeconds(30),
            "the invalid event in reporting-participant-registered_error");
        Assert.Equal(1u, dead);

        var facts = reporting.Services.GetRequiredService<IParticipantFactsStore>();
        var summary = await Eventually.ReturnsAsync(
            () => facts.SummarizeByGenderAsync(TestContext.Current.CancellationToken),
            s => s.Total >= 1,
            TimeSpan.FromSeconds(10),
            "the valid event to be counted");
        Assert.Equal(1, summary.Total);
        Assert.Equal(1, summary.Women);
        Assert.Equal(0u, await Broker.MessageCountAsync("reporting-participant-registered"));
    }
}
