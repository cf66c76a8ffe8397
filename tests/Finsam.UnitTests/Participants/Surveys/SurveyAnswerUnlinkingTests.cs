using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Finsam.Participants.Application.Registry;
using Finsam.Participants.Application.Surveys;
using Finsam.Participants.Infrastructure.Surveys;
using Finsam.Platform.Correlation;
using Finsam.Platform.Storage.LiteDb;
using LiteDB;
using static Finsam.UnitTests.Participants.Surveys.SurveyTestData;

namespace Finsam.UnitTests.Participants.Surveys;

/// <summary>
/// An answer can never be traced back: the raw stored document and the event hold only the insats, the month,
/// the instrument version and the answers — no participant, enrolment, submitter, request id or exact time.
/// </summary>
public sealed class SurveyAnswerUnlinkingTests : IAsyncLifetime
{
    private const string Correlation = "corr-enkat-4711";

    private ParticipantsHarness _harness = null!;
    private string _participantId = "";
    private string _requestId = "";
    private BsonDocument _raw = null!;
    private string _rawJson = "";

    public async ValueTask InitializeAsync()
    {
        _harness = await ParticipantsHarness.StartAsync();
        _harness.Catalogue.Add(Insats);
        // A distinctive moment of submission, so any trace of it would show.
        _harness.Clock.Now = new DateTimeOffset(2026, 3, 17, 14, 23, 45, TimeSpan.Zero);

        // The person whose form it is exists in the registry, registered by the same staff member.
        var participant = await _harness.Get<RegisterParticipantHandler>().HandleAsync(
            Staff, new RegisterParticipantCommand(null, "19121212-1212", "Anna", "Andersson", Finsam.Participants.Domain.Gender.Woman), Ct);
        _participantId = participant.Id;

        _requestId = Guid.NewGuid().ToString();
        // As in a request: the correlation id is set for the flow that handles it.
        await Task.Run(
            async () =>
            {
                CorrelationContext.Current = Correlation;
                await _harness.Get<SubmitSurveyAnswerHandler>().HandleAsync(Staff, Answer(requestId: _requestId), Ct);
            },
            Ct);

        var database = ((LiteDbDocumentStore)_harness.Store).Database;
        _raw = Assert.Single(database.GetCollection(SurveyAnswerDocument.CollectionName).FindAll());
        _rawJson = LiteDB.JsonSerializer.Serialize(_raw);
    }

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    [Fact]
    public void The_stored_document_has_only_the_insats_month_instrument_answers_and_the_hashed_request_id()
    {
        Assert.Equal(
            ["Answers", "InsatsId", "InstrumentId", "InstrumentVersion", "Outbox", "OutboxPending", "Period", "RequestIdHash", "Version", "_id"],
            _raw.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Insats, _raw["InsatsId"].AsString);
        Assert.Equal(Period, _raw["Period"].AsString);
        Assert.Equal(Nns, _raw["InstrumentId"].AsString);
        Assert.Equal(1, _raw["InstrumentVersion"].AsInt32);
        Assert.Equal(NnsQuestionCodes.Order(StringComparer.Ordinal), _raw["Answers"].AsDocument.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_id_is_random_not_time_ordered()
    {
        Assert.Equal(4, Guid.Parse(_raw["_id"].AsString).Version);
        Assert.Equal(4, Guid.Parse(_raw["Outbox"].AsArray.Single()["MessageId"].AsString).Version);
    }

    [Fact]
    public void The_request_id_is_kept_only_as_its_sha256()
    {
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(_requestId)));

        Assert.Equal(expected, _raw["RequestIdHash"].AsString);
        Assert.DoesNotContain(_requestId, _rawJson, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(_requestId.Replace("-", "", StringComparison.Ordinal), _rawJson, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Nothing_stored_names_the_person_the_submitter_or_the_request()
    {
        Assert.DoesNotContain(_participantId, _rawJson, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(StaffSubject, _rawJson, StringComparison.Ordinal);
        Assert.DoesNotContain("samordnare", _rawJson, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Correlation, _rawJson, StringComparison.Ordinal);
        Assert.DoesNotContain("191212121212", _rawJson, StringComparison.Ordinal);
        Assert.DoesNotContain("ParticipantId", _rawJson, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("EnrolmentId", _rawJson, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_only_instant_stored_is_the_first_of_the_month()
    {
        var instants = Values(_raw).Where(v => v.IsDateTime).Select(v => v.AsDateTime.ToUniversalTime()).ToList();

        Assert.Equal([new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc)], instants);
        Assert.DoesNotContain("2026-03-17", _rawJson, StringComparison.Ordinal);
        Assert.DoesNotContain("14:23", _rawJson, StringComparison.Ordinal);
    }

    [Fact]
    public void The_event_carries_the_answer_and_nothing_that_links_it()
    {
        var entry = _raw["Outbox"].AsArray.Single().AsDocument;
        using var payload = JsonDocument.Parse(entry["Payload"].AsString);

        Assert.Equal(
            ["answers", "insatsId", "instrumentId", "instrumentVersion", "occurredAt", "period", "surveyAnswerId"],
            payload.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("2026-02-01T00:00:00Z", payload.RootElement.GetProperty("occurredAt").GetString());
        Assert.Equal(_raw["_id"].AsString, payload.RootElement.GetProperty("surveyAnswerId").GetString());
        Assert.False(entry.ContainsKey("CorrelationId"), "the correlation id would lead to the request, and so to the caller");
    }

    private static IEnumerable<BsonValue> Values(BsonValue value) => value switch
    {
        BsonDocument document => document.Values.SelectMany(Values),
        BsonArray array => array.SelectMany(Values),
        _ => [value],
    };
}
