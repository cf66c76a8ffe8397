using System.Text.Json.Serialization;
using Finsam.Reporting.Domain.ReadModels;
using Finsam.Reporting.Domain.Stays;

namespace Finsam.Reporting.Domain.Groups;

/// <summary>The status of a group as reporting derives it from which status facts have arrived.</summary>
public static class GroupStatuses
{
    public const string Scheduled = "scheduled";
    public const string Started = "started";
    public const string Cancelled = "cancelled";
    public const string Completed = "completed";
}

/// <summary>What GroupScheduled says about the group itself (its träffar go into <see cref="Group.Traffar"/>).</summary>
/// <param name="Delivery">"physical" or "digital".</param>
public sealed record GroupSchedule(string FormatId, string FormatName, DateOnly StartDate, int MaxParticipants, int MinParticipants, string Delivery);

/// <summary>How one participant fared in a completed group (GroupCompleted), without the event object.</summary>
public sealed record CompletedParticipant(string ParticipantId, int JoinedAtTraff, int TraffarHeldWhileBooked, int Present, bool Completed);

/// <summary>The outcomes GroupCompleted settled by the format's attendance rule.</summary>
/// <param name="On">The Swedish day the group was completed (from the event's instant).</param>
public sealed record GroupCompletion(DateOnly On, int TraffarHeld, int CompletionMinAttendancePercent, IReadOnlyList<CompletedParticipant> Participants);

/// <summary>
/// One booking. Its state is derived from flags that only ever turn on, so the order the booking events arrive in
/// doesn't matter: cancelled beats placed, placed beats waitlisted (a promotion follows a waitlisting; the
/// activities service makes a new booking rather than reviving a cancelled one).
/// </summary>
/// <param name="JoinedAtTraff">From BookingMade or BookingPromoted; 0 until the booking has had a place.</param>
public sealed record GroupBooking(string BookingId, string ParticipantId)
{
    public const string PlacedState = "placed";
    public const string WaitlistedState = "waitlisted";
    public const string CancelledState = "cancelled";

    /// <summary>Got a place (BookingMade or BookingPromoted).</summary>
    public bool Placed { get; init; }
    public bool Waitlisted { get; init; }
    public bool Cancelled { get; init; }

    /// <summary>The cancellation was of a place on the waiting list: the booking never had a place then.</summary>
    public bool CancelledWhileWaitlisted { get; init; }
    public int JoinedAtTraff { get; init; }

    [JsonIgnore]
    public string State => Cancelled ? CancelledState : Placed ? PlacedState : WaitlistedState;
}

/// <summary>
/// One träff of a group: its plan (number, length, day), whether it was cancelled, when it was held, and the
/// attendance recorded there by participant id.
/// </summary>
/// <remarks>
/// Each planned fact keeps the time it occurred at as its version: <see cref="DefinedAt"/> for the number and length
/// (GroupScheduled or TraffAdded), <see cref="DatedAt"/> with <see cref="Moved"/> for the day and time (TraffMoved is
/// the correction). A träff that has been held counts as held even if a cancellation is also heard of: the
/// activities service can't cancel a träff with attendance, so that pair means events crossed, not a cancelled träff.
/// </remarks>
public sealed record GroupTraff(string TraffId)
{
    public int Number { get; init; }
    public int LengthMinutes { get; init; }
    public DateTime? DefinedAt { get; init; }
    public DateOnly? Date { get; init; }
    public string? StartTime { get; init; }
    public DateTime? DatedAt { get; init; }
    public bool Moved { get; init; }
    public DateTime? CancelledAt { get; init; }

    /// <summary>The day it was held (TraffHeld); null while not held.</summary>
    public DateOnly? HeldOn { get; init; }
    public int HeldLengthMinutes { get; init; }
    public DateTime? HeldAt { get; init; }

    /// <summary>Participant id → the latest attendance, sorted (<see cref="SortedMap{TValue}"/>); ids from one pool.</summary>
    [JsonConverter(typeof(SortedMapConverter<AttendanceMark>))]
    public IReadOnlyDictionary<string, AttendanceMark> Attendance { get; init; } = SortedMap<AttendanceMark>.Empty;

    [JsonIgnore]
    public bool IsHeld => HeldOn is not null;

    [JsonIgnore]
    public bool IsCancelled => CancelledAt is not null && HeldOn is null;
}

/// <summary>
/// One group (a course format run for an insats): its schedule, status facts, träffar with attendance, bookings and
/// completion outcomes, as reporting knows them. Each status fact keeps the instant it occurred at (its version);
/// the status is read from which have arrived, so it never depends on their order.
/// </summary>
public sealed record Group(string GroupId)
{
    /// <summary>Every group event carries it; the activities service never moves a group to another insats.</summary>
    public string? InsatsId { get; init; }
    public GroupSchedule? Schedule { get; init; }
    public FactVersion? ScheduleVersion { get; init; }
    public DateTime? StartedAt { get; init; }
    public DateTime? CancelledAt { get; init; }

    /// <summary>The Swedish day of the cancellation.</summary>
    public DateOnly? CancelledOn { get; init; }
    public GroupCompletion? Completion { get; init; }
    public FactVersion? CompletionVersion { get; init; }
    [JsonConverter(typeof(SortedMapConverter<GroupTraff>))]
    public IReadOnlyDictionary<string, GroupTraff> Traffar { get; init; } = SortedMap<GroupTraff>.Empty;

    [JsonConverter(typeof(SortedMapConverter<GroupBooking>))]
    public IReadOnlyDictionary<string, GroupBooking> Bookings { get; init; } = SortedMap<GroupBooking>.Empty;

    /// <summary>
    /// Cancelled or completed once either is heard of (the activities service allows neither after the other);
    /// else started once GroupStarted is; else scheduled.
    /// </summary>
    [JsonIgnore]
    public string Status =>
        CancelledAt is not null ? GroupStatuses.Cancelled
        : Completion is not null ? GroupStatuses.Completed
        : StartedAt is not null ? GroupStatuses.Started
        : GroupStatuses.Scheduled;

    /// <summary>
    /// The day the group's course ended: its last held träff, which is when the participants completed it (the group is
    /// closed in the system after, perhaps in the next year); the day it was closed when no träff is known as held.
    /// Null while not completed.
    /// </summary>
    [JsonIgnore]
    public DateOnly? CompletedOn =>
        Completion is null ? null : Traffar.Values.Where(t => t.IsHeld).Select(t => t.HeldOn).Max() ?? Completion.On;

    [JsonIgnore]
    public string? FormatId => Schedule?.FormatId;

    [JsonIgnore]
    public string? FormatName => Schedule?.FormatName;
}
