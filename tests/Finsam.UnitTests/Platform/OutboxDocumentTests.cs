using System.Text.Json;
using Finsam.IntegrationEvents;
using Finsam.IntegrationEvents.Activities.V1;
using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Platform.Correlation;
using Finsam.Platform.Outbox;

namespace Finsam.UnitTests.Platform;

public sealed class OutboxDocumentTests
{
    private sealed class TestDocument : OutboxDocument;

    private static readonly DateTime OccurredAt = new(2025, 6, 1, 10, 30, 15, 123, DateTimeKind.Utc);

    [Fact]
    public void New_document_has_nothing_pending()
    {
        var document = new TestDocument();

        Assert.Empty(document.Outbox);
        Assert.False(document.OutboxPending);
    }

    [Fact]
    public async Task Enqueue_stores_type_name_json_payload_and_correlation_id()
    {
        var registered = new ParticipantRegistered("p-1", ParticipantGenders.Woman, 1981, OccurredAt);
        var document = new TestDocument();

        // Run in its own flow so the AsyncLocal doesn't leak into other tests.
        await Task.Run(() =>
        {
            CorrelationContext.Current = "corr-42";
            document.Enqueue(registered);
        }, TestContext.Current.CancellationToken);

        var entry = Assert.Single(document.Outbox);
        Assert.True(document.OutboxPending);
        Assert.Equal("Finsam.IntegrationEvents.Participants.V1.ParticipantRegistered", entry.MessageType);
        Assert.Equal(typeof(ParticipantRegistered).FullName, entry.MessageType);
        Assert.True(IntegrationEventTypes.TryResolve(entry.MessageType, out var resolved));
        Assert.Equal(typeof(ParticipantRegistered), resolved);
        Assert.Equal(registered, JsonSerializer.Deserialize(entry.Payload, resolved, OutboxJson.Options));
        Assert.Equal(OccurredAt, entry.OccurredAt);
        Assert.Equal("corr-42", entry.CorrelationId);
        Assert.True(Guid.TryParse(entry.MessageId, out _));
    }

    [Fact]
    public void Payload_is_camel_case_json_of_the_event()
    {
        var document = new TestDocument();

        document.Enqueue(new InsatsDefined("i-1", "Stresshantering", "group-course", 6, OccurredAt));

        using var json = JsonDocument.Parse(document.Outbox[0].Payload);
        Assert.Equal("i-1", json.RootElement.GetProperty("insatsId").GetString());
        Assert.Equal("Stresshantering", json.RootElement.GetProperty("name").GetString());
        Assert.Equal(6, json.RootElement.GetProperty("budgetedPlaces").GetInt32());
    }

    [Fact]
    public async Task Without_a_correlation_id_the_entry_has_none()
    {
        var document = new TestDocument();

        await Task.Run(() =>
        {
            CorrelationContext.Current = null;
            document.Enqueue(new ParticipantRegistered("p-1", ParticipantGenders.Man, 1990, OccurredAt));
        }, TestContext.Current.CancellationToken);

        Assert.Null(Assert.Single(document.Outbox).CorrelationId);
    }

    [Fact]
    public void Each_enqueued_event_gets_its_own_message_id_in_order()
    {
        var document = new TestDocument();

        document.Enqueue(new ParticipantRegistered("p-1", ParticipantGenders.Man, 1990, OccurredAt));
        document.Enqueue(new ParticipantRegistered("p-2", ParticipantGenders.Other, 1991, OccurredAt));

        Assert.Equal(2, document.Outbox.Count);
        Assert.NotEqual(document.Outbox[0].MessageId, document.Outbox[1].MessageId);
        Assert.Contains("p-1", document.Outbox[0].Payload, StringComparison.Ordinal);
        Assert.Contains("p-2", document.Outbox[1].Payload, StringComparison.Ordinal);
    }
}
