using System.Text.Json;
using System.Text.Json.Nodes;
using Finsam.IntegrationEvents;
using Finsam.IntegrationEvents.Activities.V1;
using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Reporting.Domain.ReadModels;
using static Finsam.UnitTests.Reporting.Stays.StayEvents;

namespace Finsam.UnitTests.Reporting.Books;

/// <summary>
/// Short builders for the events the books read (times as minutes after <see cref="T0"/>, days as ISO text), and the
/// checks every book shares: idempotence, order independence, a JSON round trip.
/// </summary>
internal static class BookEvents
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Referrals.
    public static ReferralReceived Received(string id, string? participant, string on, int at = 0, string insats = "X", string agency = "fk") =>
        new(id, participant, insats, agency, D(on), At(at));

    public static ReferralQueued Queued(string id, int at, string insats = "X") => new(id, insats, At(at));

    public static ReferralAccepted Accepted(string id, int at, string insats = "X") => new(id, insats, false, At(at));

    public static ReferralDeclined Declined(string id, int at, string reason = "utanfor-malgrupp", string insats = "X") => new(id, insats, reason, At(at));

    public static ReferralWithdrawn Withdrawn(string id, int at, string insats = "X") => new(id, insats, At(at));

    // Plans.
    public static PlanRecorded Plan(string enrolment, string plan, string on, bool? within = null, int at = 0, string insats = "X", string goal = "work") =>
        new(enrolment, insats, plan, D(on), goal, null, within, At(at));

    public static PlanCorrected PlanCorrection(string enrolment, string plan, string on, bool? within = null, int at = 0, string insats = "X", string goal = "work") =>
        new(enrolment, insats, plan, D(on), goal, null, within, At(at));

    public static PlanRetracted PlanRetraction(string enrolment, string plan, int at = 0, string insats = "X") => new(enrolment, insats, plan, At(at));

    // Assessments.
    public static AssessmentRecorded SelfAssessment(string enrolment, string id, string phase, string on, IReadOnlyDictionary<string, int> scores, int at = 0, string instrument = "livshjul", string insats = "X") =>
        new(enrolment, insats, id, "self", instrument, "1", phase, D(on), scores, At(at));

    public static AssessmentRecorded StaffAssessment(string enrolment, string id, string on, int at = 0, string instrument = "DOA", string insats = "X") =>
        new(enrolment, insats, id, "staff", instrument, "1", "other", D(on), new Dictionary<string, int>(), At(at));

    public static AssessmentCorrected SelfCorrection(string enrolment, string id, string phase, string on, IReadOnlyDictionary<string, int> scores, int at = 0, string instrument = "livshjul", string insats = "X") =>
        new(enrolment, insats, id, "self", instrument, "1", phase, D(on), scores, At(at));

    public static AssessmentRetracted AssessmentRetraction(string enrolment, string id, int at = 0, string insats = "X") => new(enrolment, insats, id, "self", At(at));

    /// <summary>Scores "a1" … "aN" from the given values.</summary>
    public static IReadOnlyDictionary<string, int> Scores(params int[] values) =>
        values.Select((v, i) => (Area: $"a{i + 1}", Score: v)).ToDictionary(s => s.Area, s => s.Score);

    // Follow-ups.
    public static FollowUpRecorded FollowUp(string enrolment, string? id, string on, int at = 0, string insats = "X") => new(enrolment, insats, D(on), At(at), id);

    // Groups.
    public static ScheduledTraff Traff(string id, int number, string on, int length = 120) => new(id, number, D(on), "13:00", length);

    public static GroupScheduled Scheduled(string group, int at, string insats = "G", params ScheduledTraff[] traffar) =>
        new(group, insats, "stress", "Stresshantering", traffar.Length > 0 ? traffar[0].Date : D("2025-01-01"), 6, 4, "physical", traffar, At(at));

    public static GroupStarted GroupStart(string group, int at, string insats = "G") => new(group, insats, 5, false, At(at));

    public static GroupCancelled GroupCancel(string group, int at, string insats = "G") => new(group, insats, At(at));

    public static TraffHeld Held(string group, string traff, int number, string on, int at = 0, string insats = "G", int length = 120) =>
        new(group, insats, traff, number, D(on), length, At(at));

    public static BookingMade Booked(string group, string booking, string participant, int at = 0, string insats = "G", int joinedAt = 1) =>
        new(booking, group, insats, participant, joinedAt, At(at));

    public static BookingWaitlisted Waitlisted(string group, string booking, string participant, int at = 0, string insats = "G") =>
        new(booking, group, insats, participant, 1, At(at));

    public static BookingPromoted Promoted(string group, string booking, string participant, int at = 0, string insats = "G", int joinedAt = 2) =>
        new(booking, group, insats, participant, joinedAt, At(at));

    public static BookingCancelled BookingCancel(string group, string booking, string participant, int at = 0, string insats = "G", bool wasWaitlisted = false) =>
        new(booking, group, insats, participant, "deltagaren-avbokade", wasWaitlisted, At(at));

    public static AttendanceRecorded Attended(string group, string traff, string participant, string status = "present", double hours = 2, int at = 0, string insats = "G") =>
        new(group, insats, traff, participant, status, hours, At(at));

    public static AttendanceCorrected AttendanceCorrection(string group, string traff, string participant, string status, double hours = 2, int at = 0, string insats = "G") =>
        new(group, insats, traff, participant, status, hours, At(at));

    public static GroupCompleted Completed(string group, DateTime at, string insats = "G", params (string Participant, bool Completed)[] outcomes) =>
        new(group, insats, 4, 75, [.. outcomes.Select(o => new GroupParticipantOutcome(o.Participant, 1, 4, o.Completed ? 4 : 1, o.Completed))], at);

    // Unlinked.
    public static SurveyAnswered Survey(string id, string period, IReadOnlyDictionary<string, string> answers, string insats = "X", string instrument = "nns", int version = 1) =>
        new(id, insats, period, instrument, version, answers, DateTime.SpecifyKind(DateTime.ParseExact(period, "yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc));

    public static EvaluationSubmitted Evaluation(string id, string group, string month, string[] statements, int[] ratings, string insats = "G") =>
        new(id, group, insats, month, statements, ratings, DateTime.SpecifyKind(DateTime.ParseExact(month, "yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc));

    // Checks.

    /// <summary>Applies the events; returns the keys the pass changed.</summary>
    public static HashSet<string> ApplyAll(IReadModelBook book, IEnumerable<IIntegrationEvent> events)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var integrationEvent in events)
        {
            book.Apply(integrationEvent, changed);
        }

        return changed;
    }

    /// <summary>Every entity as JSON with object members sorted, by key: equal whatever order dictionaries were filled in.</summary>
    public static IReadOnlyList<string> Snapshot(IReadModelBook book) =>
        [.. book.Keys.Order(StringComparer.Ordinal).Select(key => $"{key} {Canonical(JsonSerializer.SerializeToNode(book.Get(key), book.EntityType, Json))}")];

    private static string Canonical(JsonNode? node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"\"{p.Key}\":{Canonical(p.Value)}")) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Canonical)) + "]",
        null => "null",
        _ => node.ToJsonString(),
    };

    /// <summary>
    /// The book's contract on one history: a second pass changes nothing, and the history in reverse and in shuffled
    /// orders gives the same entities.
    /// </summary>
    public static void AssertIdempotentAndOrderFree<TBook>(IReadOnlyList<IIntegrationEvent> history, int shuffles = 5)
        where TBook : IReadModelBook, new()
    {
        var book = new TBook();
        ApplyAll(book, history);
        var expected = Snapshot(book);

        Assert.Empty(ApplyAll(book, history));
        Assert.Equal(expected, Snapshot(book));

        var reversed = new TBook();
        ApplyAll(reversed, history.Reverse());
        Assert.Equal(expected, Snapshot(reversed));

        var random = new Random(17);
        for (var i = 0; i < shuffles; i++)
        {
            var shuffled = history.ToArray();
            random.Shuffle(shuffled);
            var other = new TBook();
            ApplyAll(other, shuffled);
            Assert.Equal(expected, Snapshot(other));
        }
    }

    /// <summary>Every entity serializes (Web defaults), reads back, and serializes to the same text.</summary>
    public static void AssertRoundTrips(IReadModelBook book)
    {
        Assert.NotEqual(0, book.Count);
        foreach (var key in book.Keys)
        {
            var entity = book.Get(key);
            var text = JsonSerializer.Serialize(entity, book.EntityType, Json);
            var back = JsonSerializer.Deserialize(text, book.EntityType, Json);
            Assert.NotNull(back);
            Assert.IsType(book.EntityType, back);
            Assert.Equal(text, JsonSerializer.Serialize(back, book.EntityType, Json));
        }
    }
}
