using Finsam.IntegrationEvents;
using Finsam.IntegrationEvents.Activities.V1;
using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Platform.Inbox;
using Finsam.Platform.Storage;
using Finsam.Platform.Storage.LiteDb;
using Finsam.Reporting.Application.Journal;
using Finsam.Reporting.Application.ReadModels;
using Finsam.Reporting.Domain.Persons;
using Finsam.Reporting.Infrastructure;
using Finsam.Reporting.Infrastructure.Journal;
using Finsam.Testing;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;

namespace Finsam.IntegrationTests;

/// <summary>Reporting's event journal on the real broker: every consumed event once, in arrival order, on one queue.</summary>
public sealed class JournalTests : BrokerTest
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateTime At = new(2026, 3, 2, 8, 30, 0, DateTimeKind.Utc);

    private BusHost Reporting() => new(Broker, "reporting",
        bus => bus.AddJournalConsumers(),
        services => services.AddEventJournal());

    private static Task<IReadOnlyList<JournalEntry>> WaitForEntriesAsync(IEventJournal journal, int count, string because) =>
        Eventually.ReturnsAsync(() => journal.ReadAsync(0, 100, Ct), e => e.Count >= count, TimeSpan.FromSeconds(30), because);

    [Fact]
    public async Task Events_of_both_services_land_in_the_journal_once_in_order_and_round_trip()
    {
        await using var reporting = Reporting();
        await reporting.StartAsync();
        var journal = reporting.Services.GetRequiredService<IEventJournal>();

        var registered = new ParticipantRegistered("p-1", ParticipantGenders.Man, 1985, At);
        var scheduled = new GroupScheduled("g-1", "i-1", "f-1", "Jobbsökarkurs", new DateOnly(2026, 3, 9), 12, 4, "physical",
            [new ScheduledTraff("t-1", 1, new DateOnly(2026, 3, 9), "09:00", 120), new ScheduledTraff("t-2", 2, new DateOnly(2026, 3, 16), "09:00", 120)],
            At.AddMinutes(5));
        await reporting.Bus.Publish(registered, Ct);
        // The second only after the first is journalled: arrival order is then known, and the journal must keep it.
        await WaitForEntriesAsync(journal, 1, "the participants event in the journal");
        await reporting.Bus.Publish(scheduled, Ct);

        var entries = await WaitForEntriesAsync(journal, 2, "both events in the journal");
        await Task.Delay(500, Ct); // nothing more may follow
        entries = await journal.ReadAsync(0, 100, Ct);

        Assert.Equal(2, entries.Count);
        Assert.True(entries[0].Sequence < entries[1].Sequence);
        Assert.Equal(registered, Assert.IsType<ParticipantRegistered>(entries[0].Event));
        var journalled = Assert.IsType<GroupScheduled>(entries[1].Event);
        // The list compares by reference in record equality; compare it by value, the rest as a record.
        Assert.Equal(scheduled.Traffar, journalled.Traffar);
        Assert.Equal(scheduled, journalled with { Traffar = scheduled.Traffar });

        var documents = await reporting.Store.Collection<JournalEntryDocument>(JournalEntryDocument.CollectionName)
            .FindOrderedAsync(d => d.Sequence > 0, d => d.Sequence, 10, Ct);
        Assert.Equal([IntegrationEventTypes.NameOf(typeof(ParticipantRegistered)), IntegrationEventTypes.NameOf(typeof(GroupScheduled))],
            documents.Select(d => d.Type));
        Assert.Equal(At, documents[0].OccurredAt);
        Assert.Contains("\"participantId\":\"p-1\"", documents[0].Payload, StringComparison.Ordinal); // Web defaults, as the outbox
        Assert.Equal(0u, await Broker.MessageCountAsync(JournalRegistration.EndpointName + "_error") ?? 0u);
    }

    [Fact]
    public async Task The_reporting_registration_journals_on_one_queue_and_the_projector_counts_from_the_journal()
    {
        using var data = new TempDirectory("finsam-it");
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(Broker.Settings());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        using var store = new LiteDbDocumentStore(Path.Combine(data.Path, "reporting.db"));
        builder.Services.AddSingleton<IDocumentStore>(store);
        builder.Services.AddReporting(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync(Ct);
        try
        {
            using var ready = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, ready.Token);

            var registered = new ParticipantRegistered("p-9", ParticipantGenders.Woman, 1979, At);
            // A gender Participants never sends is journalled (the journal keeps every fact) but counted under none.
            var unknown = new ParticipantRegistered("p-10", "unknown-gender", 1980, At.AddMinutes(1));
            var bus = host.Services.GetRequiredService<IBus>();
            await bus.Publish(registered, Ct);
            await bus.Publish(unknown, Ct);

            var entries = await WaitForEntriesAsync(host.Services.GetRequiredService<IEventJournal>(), 2, "the events in the journal");
            Assert.Equal([registered, unknown], entries.Select(e => e.Event));
            var projector = host.Services.GetRequiredService<ReadModelProjector>();
            var (summary, asOf) = await Eventually.ReturnsAsync(
                () => projector.ReadAsync((model, sequence) => (GenderSummary.Of(model.Persons.Entities), sequence), Ct),
                s => s.sequence >= entries[^1].Sequence, TimeSpan.FromSeconds(30), "the projector to apply both events");
            Assert.Equal(new GenderSummary(1, 0, 0), summary);
            Assert.Equal(entries[^1].Sequence, asOf);
            // The model is changed first and the store after it (outside the readers' lock): wait for the save.
            var stored = await Eventually.ReturnsAsync(
                () => host.Services.GetRequiredService<IReadModelStore>().GetCheckpointAsync(Ct),
                c => c.Sequence >= asOf, TimeSpan.FromSeconds(30), "the projector to store its checkpoint");
            Assert.Equal(asOf, stored.Sequence);
            // One journal queue for all event types, and no queue of its own for the summary any more.
            Assert.NotNull(await Broker.MessageCountAsync(JournalRegistration.EndpointName));
            Assert.Null(await Broker.MessageCountAsync("reporting-participant-registered"));
            Assert.Null(await Broker.MessageCountAsync("reporting-journal-consumer"));
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task The_same_message_id_twice_is_journalled_once()
    {
        await using var reporting = Reporting();
        await reporting.StartAsync();
        var journal = reporting.Services.GetRequiredService<IEventJournal>();

        var id = NewId.NextGuid();
        var started = new GroupStarted("g-1", "i-1", 7, false, At);
        await reporting.Bus.Publish(started, c => c.MessageId = id, Ct);
        await reporting.Bus.Publish(started, c => c.MessageId = id, Ct);
        // A later marker: the endpoint takes one message at a time, so once it is in, both copies have been handled.
        var marker = new GroupCancelled("g-2", "i-1", At.AddMinutes(1));
        await reporting.Bus.Publish(marker, Ct);

        var entries = await WaitForEntriesAsync(journal, 2, "the event and the marker in the journal");
        Assert.Equal(2, entries.Count);
        Assert.Equal(id, entries[0].MessageId);
        Assert.Equal(started, entries[0].Event);
        Assert.Equal(marker, entries[1].Event);
    }

    [Fact]
    public async Task A_message_without_a_message_id_goes_to_the_journal_error_queue()
    {
        await using var reporting = Reporting();
        await reporting.StartAsync();
        var journal = reporting.Services.GetRequiredService<IEventJournal>();

        await reporting.Bus.Publish(new GroupCancelled("g-1", "i-1", At), c => c.MessageId = null, Ct);

        var dead = await Eventually.ReturnsAsync(
            () => Broker.MessageCountAsync(JournalRegistration.EndpointName + "_error"),
            n => n >= 1,
            TimeSpan.FromSeconds(30),
            "the message in reporting-journal_error");
        Assert.Equal(1u, dead);
        Assert.Equal(typeof(UnprocessableMessageException).FullName, await FaultTypeOfFirstAsync(JournalRegistration.EndpointName + "_error"));
        Assert.Empty(await journal.ReadAsync(0, 10, Ct));
    }

    /// <summary>The exception MassTransit recorded on the first message of a queue (it stays in the queue).</summary>
    private async Task<string?> FaultTypeOfFirstAsync(string queue)
    {
        var factory = new ConnectionFactory
        {
            HostName = RabbitMqTestVirtualHost.Host, Port = RabbitMqTestVirtualHost.Port, VirtualHost = Broker.Name, UserName = "guest", Password = "guest",
        };
        await using var connection = await factory.CreateConnectionAsync(Ct);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Ct);
        var message = await channel.BasicGetAsync(queue, autoAck: false, Ct);
        return message?.BasicProperties.Headers?.TryGetValue("MT-Fault-ExceptionType", out var type) == true && type is byte[] bytes
            ? System.Text.Encoding.UTF8.GetString(bytes)
            : null;
    }
}
