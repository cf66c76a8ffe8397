using System.Text.Json;
using Finsam.IntegrationEvents;
using Finsam.IntegrationEvents.Activities.V1;
using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Testing.Reporting;

namespace Finsam.UnitTests.Reporting.Projection;

/// <summary>The generated history the projection tests and the scale benchmark run on.</summary>
public sealed class HistoryGeneratorTests
{
    private static readonly HistoryShape Shape = new(Participants: 400, Enrolments: 620, Groups: 25, AttendanceRecords: 3_000, Insatser: 8, FirstYear: 2020, Years: 4);

    private static readonly IReadOnlyList<GeneratedEvent> History = HistoryGenerator.Generate(Shape, seed: 17).ToList();

    [Fact]
    public void The_same_seed_gives_the_same_events_under_the_same_message_ids_and_another_seed_does_not()
    {
        static IEnumerable<string> Text(IEnumerable<GeneratedEvent> events) =>
            events.Select(e => e.MessageId + " " + JsonSerializer.Serialize(e.Event, e.Event.GetType()));

        Assert.Equal(Text(History), Text(HistoryGenerator.Generate(Shape, seed: 17)));
        Assert.NotEqual(Text(History), Text(HistoryGenerator.Generate(Shape, seed: 18)));
    }

    [Fact]
    public void Every_event_has_its_own_message_id()
    {
        Assert.Equal(History.Count, History.Select(e => e.MessageId).Distinct().Count());
    }

    [Fact]
    public void The_shape_is_met_exactly()
    {
        var started = History.Select(e => e.Event).OfType<EnrolmentStarted>().ToList();
        Assert.Equal(Shape.Participants, History.Select(e => e.Event).OfType<ParticipantRegistered>().Count());
        Assert.Equal(Shape.Enrolments, started.Count);
        Assert.Equal(Shape.Enrolments, started.Select(s => s.EnrolmentId).Distinct().Count());
        Assert.Equal((int)Math.Round(Shape.Enrolments * Shape.AnonymousShare), started.Count(s => s.Anonymous && s.ParticipantId is null && s.BirthYear is null));
        Assert.Equal(Shape.Groups, History.Select(e => e.Event).OfType<GroupScheduled>().Count());
        Assert.Equal(Shape.AttendanceRecords, History.Select(e => e.Event).OfType<AttendanceRecorded>().Count());
        Assert.Equal(Shape.Insatser, History.Select(e => e.Event).OfType<InsatsDefined>().Count());
    }

    [Fact]
    public void Every_event_type_reporting_reads_occurs()
    {
        var types = History.Select(e => e.Event.GetType()).ToHashSet();
        Type[] expected =
        [
            typeof(ParticipantRegistered), typeof(ParticipantCorrected), typeof(ReferralReceived), typeof(ReferralQueued), typeof(ReferralAccepted),
            typeof(ReferralDeclined), typeof(ReferralWithdrawn), typeof(EnrolmentStarted), typeof(EnrolmentStartCorrected), typeof(EnrolmentEnded),
            typeof(EnrolmentEndCorrected), typeof(PlanRecorded), typeof(PlanCorrected), typeof(PlanRetracted), typeof(AssessmentRecorded),
            typeof(AssessmentCorrected), typeof(AssessmentRetracted), typeof(FollowUpRecorded), typeof(FollowUpCorrected), typeof(FollowUpRetracted),
            typeof(SurveyAnswered), typeof(InsatsDefined), typeof(InsatsChanged), typeof(GroupScheduled), typeof(GroupStarted), typeof(GroupCancelled),
            typeof(TraffAdded), typeof(TraffMoved), typeof(TraffCancelled), typeof(TraffHeld), typeof(BookingMade), typeof(BookingWaitlisted),
            typeof(BookingPromoted), typeof(BookingCancelled), typeof(AttendanceRecorded), typeof(AttendanceCorrected), typeof(GroupCompleted),
            typeof(EvaluationSubmitted), typeof(InsatsCountsRegistered), typeof(InsatsCountsCorrected),
        ];

        Assert.Empty(expected.Where(t => !types.Contains(t)).Select(t => t.Name));
    }

    [Fact]
    public void Facts_are_valid_codes_multi_valued_where_the_domain_says_so_and_corrected_after_the_event()
    {
        var events = History.Select(e => e.Event).ToList();
        var starts = events.OfType<EnrolmentStarted>().ToList();
        Assert.All(starts, s => Assert.All(s.ForsorjningAtStart, f => Assert.True(ParticipantCodes.Forsorjning.ContainsKey(f), f)));
        Assert.Contains(starts, s => s.ForsorjningAtStart.Count > 1);
        Assert.All(events.OfType<EnrolmentEnded>(), e => Assert.All(e.Reasons, r => Assert.True(ParticipantCodes.EndReasons.ContainsKey(r), r)));
        Assert.Contains(events.OfType<EnrolmentEnded>(), e => e.Reasons.Count > 1);
        Assert.All(starts.Where(s => !s.Anonymous), s => Assert.Equal(ParticipantCodes.AgeBandOf(Math.Max(s.StartDate.Year - s.BirthYear!.Value, 16)), s.AgeBand));

        var startedAt = starts.ToDictionary(s => s.EnrolmentId, s => s.OccurredAt);
        Assert.All(events.OfType<EnrolmentStartCorrected>(), c => Assert.True(c.OccurredAt > startedAt[c.EnrolmentId]));
        var endedAt = events.OfType<EnrolmentEnded>().ToDictionary(e => e.EnrolmentId, e => e.OccurredAt);
        Assert.All(events.OfType<EnrolmentEndCorrected>(), c => Assert.True(c.OccurredAt > endedAt[c.EnrolmentId]));
        Assert.All(events.OfType<EnrolmentEnded>(), e => Assert.True(e.EndDate <= Shape.LastDay));
    }

    [Fact]
    public void Some_endings_come_before_their_start()
    {
        var firstSeen = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var e in History.Select(h => h.Event))
        {
            switch (e)
            {
                case EnrolmentStarted s:
                    firstSeen.TryAdd(s.EnrolmentId, typeof(EnrolmentStarted));
                    break;
                case EnrolmentEnded x:
                    firstSeen.TryAdd(x.EnrolmentId, typeof(EnrolmentEnded));
                    break;
            }
        }

        Assert.Contains(typeof(EnrolmentEnded), firstSeen.Values);
    }

    [Fact]
    public void Unlinked_events_carry_only_the_month()
    {
        var unlinked = History.Select(e => e.Event).OfType<IUnlinkedEvent>().ToList();
        Assert.NotEmpty(unlinked.OfType<SurveyAnswered>());
        Assert.NotEmpty(unlinked.OfType<EvaluationSubmitted>());
        Assert.All(unlinked, u => Assert.Equal(new DateTime(u.OccurredAt.Year, u.OccurredAt.Month, 1, 0, 0, 0, DateTimeKind.Utc), u.OccurredAt));
    }

    [Fact]
    public void The_benchmark_shape_streams()
    {
        // The first events come without the millions after them being made; a list of them all would not fit the budget.
        var first = HistoryGenerator.Generate(HistoryShape.Benchmark, seed: 1).Take(5_000).ToList();

        Assert.Equal(5_000, first.Count);
        Assert.Equal(HistoryShape.Benchmark.Insatser, first.Select(e => e.Event).OfType<InsatsDefined>().Count());
    }
}
