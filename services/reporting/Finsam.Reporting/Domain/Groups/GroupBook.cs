using Finsam.IntegrationEvents;
using Finsam.IntegrationEvents.Activities.V1;
using Finsam.Platform.Time;
using Finsam.Reporting.Domain.ReadModels;
using Finsam.Reporting.Domain.Stays;

namespace Finsam.Reporting.Domain.Groups;

/// <summary>
/// Every group by id, built from the group events idempotently and in any order: planned facts and attendance keep
/// the version they hold (the later one wins, a correction on a tie), status facts and booking flags only ever turn
/// on, and every event about a group that hasn't been scheduled yet is kept on it until the schedule arrives.
/// </summary>
/// <remarks>
/// Memory: the benchmark has 5,000 groups and 2,000,000 attendance records. A träff holds its attendance as one
/// sorted <see cref="SortedMap{TValue}"/> of participant id → <see cref="AttendanceMark"/> (a 16-byte value: status byte,
/// float hours, instant, correction flag), with the ids and other repeated strings taken from one pool (<see cref="Interned"/>), and no
/// event objects are kept. A change copies only the träff it touches and the group's träff map (a few dozen
/// entries), never the rest of the group's attendance.
/// </remarks>
public sealed class GroupBook : ReadModelBook<Group>
{
    public override string Kind => "groups";

    public override void Apply(IIntegrationEvent integrationEvent, ISet<string> changed)
    {
        switch (integrationEvent)
        {
            case GroupScheduled e:
                Change(e.GroupId, e.InsatsId, g => Scheduled(g, e), changed);
                break;
            case GroupStarted e:
                Change(e.GroupId, e.InsatsId, g => Latest(g.StartedAt, e.OccurredAt) ? g with { StartedAt = e.OccurredAt } : g, changed);
                break;
            case GroupCancelled e:
                Change(e.GroupId, e.InsatsId, g => Latest(g.CancelledAt, e.OccurredAt)
                    ? g with { CancelledAt = e.OccurredAt, CancelledOn = SwedishCalendar.DayOf(e.OccurredAt) }
                    : g, changed);
                break;
            case GroupCompleted e:
                Change(e.GroupId, e.InsatsId, g => Completed(g, e), changed);
                break;
            case TraffAdded e:
                Change(e.GroupId, e.InsatsId, g => WithTraff(g, e.Traff.TraffId, t => Defined(t, e.Traff, e.OccurredAt)), changed);
                break;
            case TraffMoved e:
                Change(e.GroupId, e.InsatsId, g => WithTraff(g, e.TraffId, t => Dated(t, e.Date, e.StartTime, e.OccurredAt, moved: true)), changed);
                break;
            case TraffCancelled e:
                Change(e.GroupId, e.InsatsId, g => WithTraff(g, e.TraffId, t => Latest(t.CancelledAt, e.OccurredAt) ? t with { CancelledAt = e.OccurredAt } : t), changed);
                break;
            case TraffHeld e:
                Change(e.GroupId, e.InsatsId, g => WithTraff(g, e.TraffId, t => Held(t, e)), changed);
                break;
            case BookingMade e:
                Change(e.GroupId, e.InsatsId, g => WithBooking(g, e.BookingId, e.ParticipantId, b => Placed(b, e.JoinedAtTraff)), changed);
                break;
            case BookingPromoted e:
                Change(e.GroupId, e.InsatsId, g => WithBooking(g, e.BookingId, e.ParticipantId, b => Placed(b, e.JoinedAtTraff)), changed);
                break;
            case BookingWaitlisted e:
                Change(e.GroupId, e.InsatsId, g => WithBooking(g, e.BookingId, e.ParticipantId, b => b.Waitlisted ? b : b with { Waitlisted = true }), changed);
                break;
            case BookingCancelled e:
                Change(e.GroupId, e.InsatsId, g => WithBooking(g, e.BookingId, e.ParticipantId, b => Cancelled(b, e.WasWaitlisted)), changed);
                break;
            case AttendanceRecorded e:
                Change(e.GroupId, e.InsatsId, g => WithTraff(g, e.TraffId, t => Attended(t, e.ParticipantId, e.Status, e.Hours, e.OccurredAt, corrected: false)), changed);
                break;
            case AttendanceCorrected e:
                Change(e.GroupId, e.InsatsId, g => WithTraff(g, e.TraffId, t => Attended(t, e.ParticipantId, e.Status, e.Hours, e.OccurredAt, corrected: true)), changed);
                break;
        }
    }

    private void Change(string groupId, string insatsId, Func<Group, Group> change, ISet<string> changed) =>
        Update(groupId, current =>
        {
            var group = current ?? new Group(groupId) { InsatsId = Interned.Of(insatsId) };
            var next = change(group);
            return ReferenceEquals(next, group) && current is not null ? current : next;
        }, changed);

    /// <summary>True when <paramref name="candidate"/> is a later instant than the one held (so a duplicate changes nothing).</summary>
    private static bool Latest(DateTime? held, DateTime candidate) => held is null || candidate > held.Value;

    private static Group Scheduled(Group group, GroupScheduled e)
    {
        var schedule = new GroupSchedule(Interned.Of(e.FormatId), Interned.Of(e.FormatName), e.StartDate, e.MaxParticipants, e.MinParticipants, Interned.Of(e.Delivery));
        var version = new FactVersion(e.OccurredAt, false, FactVersion.KeyOf(
            schedule.FormatId, schedule.FormatName, schedule.StartDate, schedule.MaxParticipants, schedule.MinParticipants, schedule.Delivery));
        if (FactVersion.Supersedes(version, group.ScheduleVersion))
        {
            group = group with { Schedule = schedule, ScheduleVersion = version };
        }

        foreach (var traff in e.Traffar)
        {
            group = WithTraff(group, traff.TraffId, t => Defined(t, traff, e.OccurredAt));
        }

        return group;
    }

    private static Group Completed(Group group, GroupCompleted e)
    {
        var completion = new GroupCompletion(
            SwedishCalendar.DayOf(e.OccurredAt),
            e.TraffarHeld,
            e.CompletionMinAttendancePercent,
            [.. e.Participants.Select(p => new CompletedParticipant(Interned.Of(p.ParticipantId), p.JoinedAtTraff, p.TraffarHeldWhileBooked, p.Present, p.Completed))]);
        var version = new FactVersion(e.OccurredAt, false, FactVersion.KeyOf(
            completion.TraffarHeld, completion.CompletionMinAttendancePercent,
            completion.Participants.Select(p => $"{p.ParticipantId}:{p.JoinedAtTraff}:{p.TraffarHeldWhileBooked}:{p.Present}:{p.Completed}").ToList()));
        return FactVersion.Supersedes(version, group.CompletionVersion) ? group with { Completion = completion, CompletionVersion = version } : group;
    }

    private static Group WithTraff(Group group, string traffId, Func<GroupTraff, GroupTraff> change)
    {
        var traff = group.Traffar.GetValueOrDefault(traffId);
        var next = change(traff ?? new GroupTraff(Interned.Of(traffId)));
        if (ReferenceEquals(next, traff))
        {
            return group;
        }

        return group with { Traffar = SortedMap<GroupTraff>.Of(group.Traffar).With(next.TraffId, next) };
    }

    /// <summary>Number and length from GroupScheduled or TraffAdded (the latest wins), and the planned day through <see cref="Dated"/>.</summary>
    private static GroupTraff Defined(GroupTraff traff, ScheduledTraff planned, DateTime occurredAt)
    {
        var candidate = new FactVersion(occurredAt, false, FactVersion.KeyOf(planned.Number, planned.LengthMinutes));
        var held = traff.DefinedAt is { } at ? new FactVersion(at, false, FactVersion.KeyOf(traff.Number, traff.LengthMinutes)) : null;
        if (FactVersion.Supersedes(candidate, held))
        {
            traff = traff with { Number = planned.Number, LengthMinutes = planned.LengthMinutes, DefinedAt = occurredAt };
        }

        return Dated(traff, planned.Date, planned.StartTime, occurredAt, moved: false);
    }

    private static GroupTraff Dated(GroupTraff traff, DateOnly date, string startTime, DateTime occurredAt, bool moved)
    {
        var candidate = new FactVersion(occurredAt, moved, FactVersion.KeyOf(date, startTime));
        var held = traff.DatedAt is { } at ? new FactVersion(at, traff.Moved, FactVersion.KeyOf(traff.Date, traff.StartTime)) : null;
        return FactVersion.Supersedes(candidate, held)
            ? traff with { Date = date, StartTime = Interned.Of(startTime), DatedAt = occurredAt, Moved = moved }
            : traff;
    }

    /// <summary>A träff is held once (its first attendance); a second TraffHeld is a redelivery, or the latest wins.</summary>
    private static GroupTraff Held(GroupTraff traff, TraffHeld e)
    {
        var candidate = new FactVersion(e.OccurredAt, false, FactVersion.KeyOf(e.Date, e.LengthMinutes));
        var held = traff.HeldAt is { } at ? new FactVersion(at, false, FactVersion.KeyOf(traff.HeldOn, traff.HeldLengthMinutes)) : null;
        return FactVersion.Supersedes(candidate, held)
            ? traff with { HeldOn = e.Date, HeldLengthMinutes = e.LengthMinutes, HeldAt = e.OccurredAt }
            : traff;
    }

    private static GroupTraff Attended(GroupTraff traff, string participantId, string status, double hours, DateTime occurredAt, bool corrected)
    {
        var mark = new AttendanceMark(AttendanceMark.StatusOf(status), (float)hours, occurredAt, corrected);
        if (traff.Attendance.TryGetValue(participantId, out var current) && !FactVersion.Supersedes(mark.Version(), current.Version()))
        {
            return traff;
        }

        return traff with { Attendance = SortedMap<AttendanceMark>.Of(traff.Attendance).With(participantId, mark) };
    }

    private static Group WithBooking(Group group, string bookingId, string participantId, Func<GroupBooking, GroupBooking> change)
    {
        var booking = group.Bookings.GetValueOrDefault(bookingId);
        var next = change(booking ?? new GroupBooking(bookingId, Interned.Of(participantId)));
        if (ReferenceEquals(next, booking))
        {
            return group;
        }

        return group with { Bookings = SortedMap<GroupBooking>.Of(group.Bookings).With(bookingId, next) };
    }

    /// <summary>BookingMade and BookingPromoted both give a place; the later join point is kept (a promotion comes after).</summary>
    private static GroupBooking Placed(GroupBooking booking, int joinedAtTraff) =>
        booking.Placed && booking.JoinedAtTraff >= joinedAtTraff ? booking : booking with { Placed = true, JoinedAtTraff = Math.Max(booking.JoinedAtTraff, joinedAtTraff) };

    private static GroupBooking Cancelled(GroupBooking booking, bool wasWaitlisted) =>
        booking.Cancelled && (booking.CancelledWhileWaitlisted || !wasWaitlisted)
            ? booking
            : booking with { Cancelled = true, CancelledWhileWaitlisted = booking.CancelledWhileWaitlisted || wasWaitlisted, Waitlisted = booking.Waitlisted || wasWaitlisted };
}
