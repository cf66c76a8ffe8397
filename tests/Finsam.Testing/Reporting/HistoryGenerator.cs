using System.Globalization;
using Finsam.IntegrationEvents;
using Finsam.IntegrationEvents.Activities.V1;
using Finsam.IntegrationEvents.Participants.V1;

namespace Finsam.Testing.Reporting;

/// <summary>One generated event and the message id it travels under (distinct for every event).</summary>
public sealed record GeneratedEvent(Guid MessageId, IIntegrationEvent Event);

/// <summary>
/// A förbund's event history for reporting, deterministic from a seed and as large as <see cref="HistoryShape"/> says:
/// the insats catalogue (with the count-only insatser's counts by gender per quarter), then every participant's story (registration and its correction, referrals accepted,
/// declined or withdrawn, stays with multi-valued facts, start and end corrections after the event, plans,
/// staff and self-assessments at start and end with corrections and retractions, follow-ups, survey answers),
/// anonymous stays, and groups (träffar moved, cancelled and added, bookings with the waiting list, attendance with
/// corrections, completion, evaluation forms) interleaved with them. A few endings come before their start, as
/// events from two services may. Streams: only one participant's or one group's events are held at a time, so the
/// benchmark's millions of events never sit in memory together.
/// </summary>
public sealed class HistoryGenerator
{
    private static readonly string[] Agencies = ["fk", "af", "kommun", "region", "annan"];
    private static readonly string[] Names = ["Steget", "Vägen vidare", "Jobbspåret", "Hälsoskolan", "Framtidsverkstaden", "Motivationslyftet", "Språkbron", "Arbetsträningen"];
    private static readonly string[] SurveyQuestions = ["Q1", "Q2", "Q3", "Q5", "Q6", "Q7", "Q8", "Q9", "Q10"];
    private static readonly string[] Frekvens = ["aldrig", "sallan", "ibland", "ofta", "for-det-mesta", "alltid"];
    private static readonly string[] Grad = ["inte-alls", "till-liten-del", "delvis", "till-stor-del", "till-mycket-stor-del", "helt-och-hallet"];
    private static readonly string[] LivshjulAreas = ["resurser", "mat", "somn", "stress", "vardagsrutiner", "halsa-motion", "fritid", "min-utveckling"];
    private static readonly string[] EvaluationStatements = ["Innehållet var relevant för mig", "Ledarna var engagerade", "Omfattningen var bra"];
    private static readonly string[] Forsorjning = [.. ParticipantCodes.Forsorjning.Keys];
    private static readonly string[] Sysselsattning = [.. ParticipantCodes.Sysselsattning.Keys];
    private static readonly string[] Education = [.. ParticipantCodes.EducationLevels.Keys];
    private static readonly string[] EndReasons = [.. ParticipantCodes.EndReasons.Keys];
    private static readonly string[] DeclineReasons = [.. ReferralDeclineReasons.All.Keys];

    private readonly HistoryShape _shape;
    private readonly int _seed;
    private readonly Random _random;
    private readonly List<Insats> _insatser = [];
    private long _messages;
    private long _ids;
    private long _attendanceLeft;
    private int _runningGroupsLeft;

    private HistoryGenerator(HistoryShape shape, int seed)
    {
        if (shape.Insatser < 4)
        {
            throw new ArgumentException("At least 4 insatser, one of every kind.", nameof(shape));
        }

        _shape = shape;
        _seed = seed;
        _random = new Random(seed);
        _attendanceLeft = shape.AttendanceRecords;
    }

    /// <summary>The history, lazily: the same shape and seed give the same events with the same message ids.</summary>
    public static IEnumerable<GeneratedEvent> Generate(HistoryShape shape, int seed) => new HistoryGenerator(shape, seed).Events();

    private sealed record Insats(string Id, string Kind, int PlanDeadlineDays);

    private IEnumerable<GeneratedEvent> Events()
    {
        foreach (var e in Catalogue())
        {
            yield return e;
        }

        var participants = _shape.Participants;
        var anonymous = participants == 0 ? _shape.Enrolments : (int)Math.Round(_shape.Enrolments * _shape.AnonymousShare);
        var named = _shape.Enrolments - anonymous;
        _runningGroupsLeft = _shape.Groups - Enumerable.Range(0, _shape.Groups).Count(IsCancelled);
        var slots = Math.Max(participants, 1);
        var group = 0;
        for (var i = 0; i < slots; i++)
        {
            if (i < participants)
            {
                var stays = named / participants + Share(i, named % participants, participants);
                foreach (var e in Participant(i, stays))
                {
                    yield return e;
                }
            }

            for (var a = Share(i, anonymous, slots); a > 0; a--)
            {
                foreach (var e in AnonymousStay())
                {
                    yield return e;
                }
            }

            for (var g = Share(i, _shape.Groups, slots); g > 0; g--, group++)
            {
                foreach (var e in Group(IsCancelled(group)))
                {
                    yield return e;
                }
            }
        }
    }

    /// <summary>One group in twenty is cancelled before it starts; never the last, which takes the attendance left.</summary>
    private bool IsCancelled(int group) => group % 20 == 3 && group < _shape.Groups - 1;

    /// <summary>How many of <paramref name="total"/> spread evenly over <paramref name="slots"/> fall on slot <paramref name="i"/>.</summary>
    private static int Share(int i, int total, int slots) => (int)((long)(i + 1) * total / slots - (long)i * total / slots);

    private IEnumerable<GeneratedEvent> Catalogue()
    {
        string[] kinds = [InsatsKinds.Individual, InsatsKinds.GroupCourse, InsatsKinds.Individual, InsatsKinds.Structural, InsatsKinds.CountOnly, InsatsKinds.GroupCourse];
        var defined = At(_shape.FirstDay.AddDays(-30), 9 * 60);
        for (var i = 0; i < _shape.Insatser; i++)
        {
            var kind = kinds[i % kinds.Length];
            var insats = new Insats(NewId('i'), kind, kind == InsatsKinds.Individual ? 30 : 0);
            _insatser.Add(insats);
            var name = $"{Names[i % Names.Length]} {i / Names.Length + 1}";
            var places = 20 + _random.Next(60);
            int? target = kind == InsatsKinds.Individual ? 35 + _random.Next(20) : null;
            yield return Emit(new InsatsDefined(insats.Id, name, kind, places, defined.AddMinutes(i), FollowUpPlaces: places / 4,
                PlanDeadlineDays: insats.PlanDeadlineDays, WorkOrStudiesTargetPercent: target, EnrolmentTarget: places * 2,
                GenderBalanceMinPercent: 40, StartDate: _shape.FirstDay));
            if (kind == InsatsKinds.CountOnly)
            {
                foreach (var e in CountRegistrations(insats))
                {
                    yield return e;
                }
            }

            if (i % 2 == 0)
            {
                // The budget is raised a year in; the change carries every fact as it now stands.
                yield return Emit(new InsatsChanged(insats.Id, name, kind, places + 10, places / 4, insats.PlanDeadlineDays, target, places * 2,
                    40, _shape.FirstDay, null, At(_shape.FirstDay.AddYears(1), 10 * 60 + i)));
            }
        }
    }

    /// <summary>Pinnstatistik: counts by gender per quarter, registered after it; one a year corrected.</summary>
    private IEnumerable<GeneratedEvent> CountRegistrations(Insats insats)
    {
        for (var year = _shape.FirstYear; year < _shape.FirstYear + _shape.Years; year++)
        {
            for (var quarter = 0; quarter < 4; quarter++)
            {
                var from = new DateOnly(year, 1 + quarter * 3, 1);
                var to = from.AddMonths(3).AddDays(-1);
                var registrationId = NewId('c');
                var (women, men, other) = (_random.Next(40), _random.Next(30), _random.Next(3));
                yield return Emit(new InsatsCountsRegistered(registrationId, insats.Id, from, to, women, men, other, At(to.AddDays(5), 10 * 60)));
                if (quarter == 1)
                {
                    // One a year is corrected: a late list of who came.
                    yield return Emit(new InsatsCountsCorrected(registrationId, insats.Id, from, to, women + 1, men, other, At(to.AddDays(20), 10 * 60)));
                }
            }
        }
    }

    private IEnumerable<GeneratedEvent> Participant(int index, int stays)
    {
        var events = new List<GeneratedEvent>();
        var participantId = ParticipantId(index);
        var gender = Gender();
        var birthYear = 1960 + _random.Next(45);
        var registeredOn = Day(_shape.FirstDay, _shape.LastDay.AddDays(-60));
        events.Add(Emit(new ParticipantRegistered(participantId, gender, birthYear, At(registeredOn, 9 * 60 + _random.Next(480)))));
        if (Chance(0.04))
        {
            // A registration error found later: the gender, or the birth year.
            var corrected = Chance(0.5) ? new ParticipantCorrected(participantId, OtherGender(gender), birthYear, default)
                : new ParticipantCorrected(participantId, gender, birthYear + 1, default);
            events.Add(Emit(corrected with { OccurredAt = At(registeredOn.AddDays(1 + _random.Next(200)), 11 * 60) }));
        }

        if (Chance(0.15))
        {
            events.AddRange(UnansweredReferral(participantId, registeredOn));
        }

        var start = registeredOn.AddDays(_random.Next(60));
        for (var s = 0; s < stays; s++)
        {
            var end = Stay(events, participantId, gender, birthYear, start);
            // The next stay follows the last one, or overlaps a stay still running (several insatser at once).
            start = (end ?? start.AddDays(90)).AddDays(_random.Next(120));
            if (start > _shape.LastDay)
            {
                start = _shape.LastDay.AddDays(-_random.Next(30));
            }
        }

        return events;
    }

    /// <summary>One named stay and everything recorded during and after it; returns its end date, null while running.</summary>
    private DateOnly? Stay(List<GeneratedEvent> events, string participantId, string gender, int birthYear, DateOnly start)
    {
        var insats = StayInsats();
        var enrolmentId = NewId('e');
        string? agency = null;
        if (Chance(0.85))
        {
            agency = Pick(Agencies);
            var referralId = NewId('r');
            var receivedOn = start.AddDays(-5 - _random.Next(40));
            events.Add(Emit(new ReferralReceived(referralId, participantId, insats.Id, agency, receivedOn, At(receivedOn, 8 * 60 + _random.Next(60)))));
            if (Chance(0.1))
            {
                events.Add(Emit(new ReferralQueued(referralId, insats.Id, At(receivedOn, 10 * 60))));
            }

            events.Add(Emit(new ReferralAccepted(referralId, insats.Id, Chance(0.03), At(start.AddDays(-1), 14 * 60))));
        }

        var age = start.Year - birthYear;
        var started = new EnrolmentStarted(enrolmentId, participantId, insats.Id, start, false, gender, birthYear,
            ParticipantCodes.AgeBandOf(Math.Max(age, 16)), Several(Forsorjning, 3), Pick(Sysselsattning), Pick(Education),
            Chance(0.9) ? _random.Next(21) : null, agency, At(start, 9 * 60 + _random.Next(120)));
        var end = start.AddDays(30 + _random.Next(690));
        var ended = end <= _shape.LastDay;
        EnrolmentEnded? ending = ended
            ? new EnrolmentEnded(enrolmentId, insats.Id, end, Several(EndReasons, 2), Pick(Sysselsattning), Several(Forsorjning, 2), At(end, 15 * 60 + _random.Next(60)))
            : null;

        // An ending that arrives before its start (two services, two queues): parked until the start comes.
        if (ending is not null && Chance(0.02))
        {
            events.Add(Emit(ending));
            events.Add(Emit(started));
            ending = null;
        }
        else
        {
            events.Add(Emit(started));
        }

        if (Chance(0.1))
        {
            // Corrected after the event: a försörjning forgotten, the years in support, or the start date itself.
            var correctedStart = Chance(0.3) ? start.AddDays(_random.Next(7) - 3) : start;
            events.Add(Emit(new EnrolmentStartCorrected(enrolmentId, insats.Id, correctedStart, Several(Forsorjning, 3), started.SysselsattningAtStart,
                started.EducationLevel, _random.Next(21), At(start.AddDays(2 + _random.Next(60)), 13 * 60))));
        }

        Plans(events, enrolmentId, insats, start);
        Assessments(events, enrolmentId, insats.Id, start, ended ? end : null);
        if (ending is not null)
        {
            events.Add(Emit(ending));
        }

        if (ended)
        {
            if (Chance(0.08))
            {
                var correctedEnd = Chance(0.4) ? end.AddDays(-_random.Next(5)) : end;
                events.Add(Emit(new EnrolmentEndCorrected(enrolmentId, insats.Id, correctedEnd, Several(EndReasons, 2), Pick(Sysselsattning),
                    Several(Forsorjning, 2), At(end.AddDays(3 + _random.Next(90)), 10 * 60))));
            }

            FollowUps(events, enrolmentId, insats.Id, end);
            if (Chance(0.4))
            {
                events.Add(SurveyAnswer(insats.Id, end));
            }
        }

        return ended ? end : null;
    }

    private IEnumerable<GeneratedEvent> UnansweredReferral(string participantId, DateOnly registeredOn)
    {
        var insats = StayInsats();
        var referralId = NewId('r');
        var receivedOn = registeredOn.AddDays(_random.Next(30));
        yield return Emit(new ReferralReceived(referralId, participantId, insats.Id, Pick(Agencies), receivedOn, At(receivedOn, 8 * 60)));
        yield return Chance(0.6)
            ? Emit(new ReferralDeclined(referralId, insats.Id, Pick(DeclineReasons), At(receivedOn.AddDays(7), 13 * 60)))
            : Emit(new ReferralWithdrawn(referralId, insats.Id, At(receivedOn.AddDays(10), 13 * 60)));
    }

    private void Plans(List<GeneratedEvent> events, string enrolmentId, Insats insats, DateOnly start)
    {
        if (!Chance(0.8))
        {
            return;
        }

        var planId = NewId('l');
        var recordedOn = start.AddDays(3 + _random.Next(45));
        bool? within = insats.PlanDeadlineDays > 0 ? recordedOn.DayNumber - start.DayNumber <= insats.PlanDeadlineDays : null;
        var goal = Chance(0.7) ? "work" : "studies";
        events.Add(Emit(new PlanRecorded(enrolmentId, insats.Id, planId, recordedOn, goal, recordedOn.AddMonths(3), within, At(recordedOn, 10 * 60))));
        if (Chance(0.06))
        {
            events.Add(Emit(new PlanCorrected(enrolmentId, insats.Id, planId, recordedOn, goal == "work" ? "studies" : "work", recordedOn.AddMonths(2),
                within, At(recordedOn.AddDays(5), 10 * 60))));
        }
        else if (Chance(0.03))
        {
            // Recorded on the wrong stay: retracted, and the right plan recorded later.
            events.Add(Emit(new PlanRetracted(enrolmentId, insats.Id, planId, At(recordedOn.AddDays(2), 9 * 60))));
            var again = recordedOn.AddDays(10);
            bool? againWithin = insats.PlanDeadlineDays > 0 ? again.DayNumber - start.DayNumber <= insats.PlanDeadlineDays : null;
            events.Add(Emit(new PlanRecorded(enrolmentId, insats.Id, NewId('l'), again, goal, again.AddMonths(3), againWithin, At(again, 10 * 60))));
        }
    }

    private void Assessments(List<GeneratedEvent> events, string enrolmentId, string insatsId, DateOnly start, DateOnly? end)
    {
        if (Chance(0.3))
        {
            var on = start.AddDays(_random.Next(20));
            events.Add(Emit(new AssessmentRecorded(enrolmentId, insatsId, NewId('a'), "staff", "DOA", "2", "start", on,
                new Dictionary<string, int>(), At(on, 11 * 60))));
        }

        if (!Chance(0.6))
        {
            return;
        }

        var startId = NewId('a');
        var startOn = start.AddDays(_random.Next(14));
        var before = LivshjulAreas.ToDictionary(a => a, _ => 1 + _random.Next(6), StringComparer.Ordinal);
        events.Add(Emit(new AssessmentRecorded(enrolmentId, insatsId, startId, "self", "livshjul", "1", "start", startOn, before, At(startOn, 13 * 60))));
        if (Chance(0.04))
        {
            var corrected = before.ToDictionary(p => p.Key, p => Math.Clamp(p.Value + _random.Next(3) - 1, 1, 6), StringComparer.Ordinal);
            events.Add(Emit(new AssessmentCorrected(enrolmentId, insatsId, startId, "self", "livshjul", "1", "start", startOn, corrected,
                At(startOn.AddDays(4), 9 * 60))));
        }

        if (end is not { } endOn || !Chance(0.7))
        {
            return;
        }

        var endId = NewId('a');
        var after = before.ToDictionary(p => p.Key, p => Math.Clamp(p.Value + _random.Next(4) - 1, 1, 6), StringComparer.Ordinal);
        var assessedOn = endOn.AddDays(-_random.Next(7));
        events.Add(Emit(new AssessmentRecorded(enrolmentId, insatsId, endId, "self", "livshjul", "1", "end", assessedOn, after, At(assessedOn, 13 * 60))));
        if (Chance(0.02))
        {
            events.Add(Emit(new AssessmentRetracted(enrolmentId, insatsId, endId, "self", At(assessedOn.AddDays(1), 9 * 60))));
        }
    }

    private void FollowUps(List<GeneratedEvent> events, string enrolmentId, string insatsId, DateOnly end)
    {
        var contactOn = end.AddDays(30 + _random.Next(330));
        if (contactOn > _shape.LastDay || !Chance(0.5))
        {
            return;
        }

        var followUpId = NewId('f');
        events.Add(Emit(new FollowUpRecorded(enrolmentId, insatsId, contactOn, At(contactOn, 10 * 60), followUpId)));
        if (Chance(0.05))
        {
            events.Add(Emit(new FollowUpCorrected(enrolmentId, insatsId, followUpId, contactOn.AddDays(-1), At(contactOn.AddDays(2), 10 * 60))));
        }
        else if (Chance(0.03))
        {
            events.Add(Emit(new FollowUpRetracted(enrolmentId, insatsId, followUpId, At(contactOn.AddDays(2), 10 * 60))));
        }
    }

    private GeneratedEvent Emit(IIntegrationEvent integrationEvent) => new(NextMessageId(), integrationEvent);

    /// <summary>An anonymous stay: no participant id, no birth year, only the age band; counted, never identified.</summary>
    private IEnumerable<GeneratedEvent> AnonymousStay()
    {
        var insats = StayInsats();
        var enrolmentId = NewId('e');
        var start = Day(_shape.FirstDay, _shape.LastDay.AddDays(-10));
        yield return Emit(new EnrolmentStarted(enrolmentId, null, insats.Id, start, true, Gender(), null, Pick(ParticipantCodes.AgeBands),
            Several(Forsorjning, 2), Pick(Sysselsattning), null, null, null, At(start, 9 * 60)));
        var end = start.AddDays(14 + _random.Next(300));
        if (end <= _shape.LastDay && Chance(0.8))
        {
            yield return Emit(new EnrolmentEnded(enrolmentId, insats.Id, end, Several(EndReasons, 2), Pick(Sysselsattning), Several(Forsorjning, 1),
                At(end, 15 * 60)));
            if (Chance(0.05))
            {
                yield return Emit(new EnrolmentEndCorrected(enrolmentId, insats.Id, end, Several(EndReasons, 1), Pick(Sysselsattning),
                    Several(Forsorjning, 1), At(end.AddDays(20), 15 * 60)));
            }
        }
    }

    /// <summary>One group of a group-course insats. A running group takes its share of the attendance records left.</summary>
    private IEnumerable<GeneratedEvent> Group(bool cancelled)
    {
        var events = new List<GeneratedEvent>();
        var groupInsatser = _insatser.Where(i => i.Kind == InsatsKinds.GroupCourse).ToList();
        var insats = groupInsatser[_random.Next(groupInsatser.Count)];
        var groupId = NewId('g');
        var booked = 8 + _random.Next(7);
        var people = Participants(booked + 1);
        var bookings = people.Take(booked).Select(p => (ParticipantId: p, JoinedAt: Chance(0.05) ? 3 : 1)).ToList();
        var waitlisted = people.Count > booked && Chance(0.25) ? people[booked] : null;

        var target = 0L;
        if (!cancelled)
        {
            _runningGroupsLeft--;
            // The last running group takes the rest, so the total is exact.
            target = _runningGroupsLeft == 0 ? _attendanceLeft : _attendanceLeft / (_runningGroupsLeft + 1);
        }

        // Enough träffar for the target with everyone present from the start, two more for a late joiner.
        var held = cancelled ? 1 : (int)Math.Max(1, (target + bookings.Count - 1) / Math.Max(bookings.Count, 1)) + (bookings.Any(b => b.JoinedAt > 1) ? 2 : 0);
        var cancelledTraffar = Chance(0.2) ? 1 : 0;
        var added = held > 2 && Chance(0.1) ? 1 : 0;
        // Mondays and Thursdays from a Monday.
        var monday = Day(_shape.FirstDay, _shape.LastDay.AddDays(-30));
        monday = monday.AddDays(-(((int)monday.DayOfWeek + 6) % 7));
        var scheduledAt = At(monday.AddDays(-21), 9 * 60);
        var traffar = Enumerable.Range(1, held - added + cancelledTraffar)
            .Select(n => new ScheduledTraff(NewId('t'), n, monday.AddDays((n - 1) / 2 * 7 + ((n - 1) % 2) * 3), "09:00", 150))
            .ToList();
        events.Add(Emit(new GroupScheduled(groupId, insats.Id, "f-jobbsok", "Jobbsökarkurs", monday, 14, 6, Chance(0.8) ? "physical" : "digital",
            traffar, scheduledAt)));

        var attendees = new List<(string ParticipantId, int JoinedAt)>();
        var at = scheduledAt;
        foreach (var booking in bookings)
        {
            events.Add(Emit(new BookingMade(NewId('b'), groupId, insats.Id, booking.ParticipantId, booking.JoinedAt, at = at.AddHours(2))));
            attendees.Add(booking);
        }

        if (waitlisted is not null && attendees.Count > 0)
        {
            // Full: one waits, someone cancels before the start, the first in line gets the place.
            var waitingId = NewId('b');
            events.Add(Emit(new BookingWaitlisted(waitingId, groupId, insats.Id, waitlisted, 1, at = at.AddHours(2))));
            var leaving = attendees[0];
            events.Add(Emit(new BookingCancelled(NewId('b'), groupId, insats.Id, leaving.ParticipantId, "sjukdom", false, at = at.AddHours(2))));
            attendees.RemoveAt(0);
            events.Add(Emit(new BookingPromoted(waitingId, groupId, insats.Id, waitlisted, leaving.JoinedAt, at = at.AddHours(1))));
            attendees.Add((waitlisted, leaving.JoinedAt));
        }

        if (cancelled)
        {
            events.Add(Emit(new GroupCancelled(groupId, insats.Id, At(monday.AddDays(-3), 10 * 60))));
            return events;
        }

        events.Add(Emit(new GroupStarted(groupId, insats.Id, attendees.Count, attendees.Count < 6, At(monday, 8 * 60))));
        var present = attendees.ToDictionary(a => a.ParticipantId, _ => 0, StringComparer.Ordinal);
        var heldTraffar = traffar.ToList();
        if (cancelledTraffar > 0)
        {
            var off = heldTraffar[^1];
            heldTraffar.RemoveAt(heldTraffar.Count - 1);
            events.Add(Emit(new TraffCancelled(groupId, insats.Id, off.TraffId, off.Date, At(monday, 12 * 60))));
        }

        if (added > 0)
        {
            var last = heldTraffar[^1];
            var extra = new ScheduledTraff(NewId('t'), last.Number + 1, last.Date.AddDays(7), "13:00", 120);
            events.Add(Emit(new TraffAdded(groupId, insats.Id, extra, At(monday.AddDays(7), 9 * 60))));
            heldTraffar.Add(extra);
        }

        var recorded = 0L;
        foreach (var traff in heldTraffar)
        {
            var day = traff.Date;
            if (Chance(0.1))
            {
                day = day.AddDays(1);
                events.Add(Emit(new TraffMoved(groupId, insats.Id, traff.TraffId, day, traff.StartTime, At(day.AddDays(-7), 9 * 60))));
            }

            events.Add(Emit(new TraffHeld(groupId, insats.Id, traff.TraffId, traff.Number, day, traff.LengthMinutes, At(day, 16 * 60))));
            foreach (var (participantId, joinedAt) in attendees)
            {
                if (traff.Number < joinedAt || recorded >= target)
                {
                    continue;
                }

                var status = AttendanceStatus();
                var hours = status == "present" ? traff.LengthMinutes / 60.0 : 0;
                present[participantId] += status == "present" ? 1 : 0;
                events.Add(Emit(new AttendanceRecorded(groupId, insats.Id, traff.TraffId, participantId, status, hours, At(day, 16 * 60 + 5))));
                recorded++;
                if (Chance(0.02))
                {
                    // Marked absent by mistake, or the other way round: the correction says how it now stands.
                    var corrected = status == "present" ? "excused-absence" : "present";
                    present[participantId] += corrected == "present" ? 1 : -1;
                    events.Add(Emit(new AttendanceCorrected(groupId, insats.Id, traff.TraffId, participantId, corrected,
                        corrected == "present" ? traff.LengthMinutes / 60.0 : 0, At(day.AddDays(2), 9 * 60))));
                }
            }
        }

        _attendanceLeft -= recorded;
        var lastDay = heldTraffar[^1].Date.AddDays(1);
        if (lastDay > _shape.LastDay)
        {
            return events; // still running when the history ends
        }

        var outcomes = attendees.Select(a =>
        {
            var whileBooked = heldTraffar.Count(t => t.Number >= a.JoinedAt);
            var p = present[a.ParticipantId];
            return new GroupParticipantOutcome(a.ParticipantId, a.JoinedAt, whileBooked, p, whileBooked > 0 && p * 100 >= 80 * whileBooked);
        }).ToList();
        events.Add(Emit(new GroupCompleted(groupId, insats.Id, heldTraffar.Count, 80, outcomes, At(lastDay, 10 * 60))));
        var month = new DateTime(lastDay.Year, lastDay.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var _ in outcomes.Where(_ => Chance(0.6)))
        {
            var ratings = EvaluationStatements.Select(_ => Chance(0.05) ? 0 : 1 + _random.Next(6)).ToList();
            events.Add(new GeneratedEvent(RandomGuid(), new EvaluationSubmitted(RandomGuid().ToString(), groupId, insats.Id,
                month.ToString("yyyy-MM", CultureInfo.InvariantCulture), EvaluationStatements, ratings, month)));
        }

        return events;
    }

    /// <summary>An unlinked survey answer: random ids, only the month of the ending.</summary>
    private GeneratedEvent SurveyAnswer(string insatsId, DateOnly end)
    {
        var month = new DateTime(end.Year, end.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var question in SurveyQuestions.Where(_ => Chance(0.9)))
        {
            answers[question] = question switch
            {
                "Q1" or "Q2" or "Q3" => Pick(Frekvens),
                "Q8" => Chance(0.7) ? "ja" : "nej",
                _ => Pick(Grad),
            };
        }

        return new GeneratedEvent(RandomGuid(), new SurveyAnswered(RandomGuid().ToString(), insatsId,
            month.ToString("yyyy-MM", CultureInfo.InvariantCulture), "nns-deltagare", 1, answers, month));
    }

    /// <summary>
    /// Up to <paramref name="count"/> distinct participants, any of them: a booking may well arrive before the
    /// registration it refers to (another service, another queue).
    /// </summary>
    private List<string> Participants(int count)
    {
        var picked = new HashSet<int>();
        while (picked.Count < Math.Min(count, _shape.Participants))
        {
            picked.Add(_random.Next(_shape.Participants));
        }

        return picked.Select(ParticipantId).ToList();
    }

    /// <summary>From the participant's number, so a group can book anyone without the generator keeping every id.</summary>
    private string ParticipantId(int index) => new Guid(index, (short)'p', (short)_seed, 0x8F, 0, 0, 0, 0, 0, 0, 0).ToString();

    /// <summary>Every other id from one counter, tagged with its kind ('e' enrolment, 'g' group …), so none collide.</summary>
    private string NewId(char kind) =>
        new Guid((int)(++_ids & 0x7FFFFFFF), (short)kind, (short)_seed, 0x8F, (byte)(_ids >> 31), 0, 0, 0, 0, 0, 1).ToString();

    /// <summary>Distinct for every event, and stable for a seed: a counter in the id, as a time-ordered id would be.</summary>
    private Guid NextMessageId() => new((int)(++_messages & 0x7FFFFFFF), (short)(_messages >> 31), (short)_seed, 0x4D, 0x53, 0x47, 0, 0, 0, 0, 0);

    private Guid RandomGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private Insats StayInsats()
    {
        // Most stays are in individual insatser, some in group courses and count-only ones; none in structural ones.
        var roll = _random.NextDouble();
        var kind = roll < 0.7 ? InsatsKinds.Individual : roll < 0.9 ? InsatsKinds.GroupCourse : InsatsKinds.CountOnly;
        var ofKind = _insatser.Where(i => i.Kind == kind).ToList();
        return ofKind[_random.Next(ofKind.Count)];
    }

    private string Gender()
    {
        var roll = _random.NextDouble();
        return roll < 0.5 ? ParticipantGenders.Woman : roll < 0.97 ? ParticipantGenders.Man : ParticipantGenders.Other;
    }

    private static string OtherGender(string gender) => gender == ParticipantGenders.Woman ? ParticipantGenders.Man : ParticipantGenders.Woman;

    private string AttendanceStatus()
    {
        var roll = _random.NextDouble();
        return roll < 0.85 ? "present" : roll < 0.95 ? "excused-absence" : "unexcused-absence";
    }

    private bool Chance(double p) => _random.NextDouble() < p;

    private T Pick<T>(IReadOnlyList<T> values) => values[_random.Next(values.Count)];

    /// <summary>One to <paramref name="max"/> distinct codes, in the list's order (multi-valued facts).</summary>
    private List<string> Several(IReadOnlyList<string> codes, int max)
    {
        var count = 1 + _random.Next(max);
        var picked = new SortedSet<int>();
        while (picked.Count < count)
        {
            picked.Add(_random.Next(codes.Count));
        }

        return picked.Select(i => codes[i]).ToList();
    }

    private DateOnly Day(DateOnly from, DateOnly to) => from.AddDays(_random.Next(Math.Max(to.DayNumber - from.DayNumber, 1)));

    private static DateTime At(DateOnly day, int minuteOfDay) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddMinutes(minuteOfDay);

    private static class InsatsKinds
    {
        public const string Individual = "individual";
        public const string GroupCourse = "group-course";
        public const string Structural = "structural";
        public const string CountOnly = "count-only";
    }
}
