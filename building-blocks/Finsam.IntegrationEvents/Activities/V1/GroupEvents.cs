namespace Finsam.IntegrationEvents.Activities.V1;

// Group work (gruppverksamhet): a course format run for an insats. Participants appear only by their opaque
// participant id; evaluations carry none. Free-text reasons stay in the activities service.

/// <summary>A träff as planned: its number in date order, day, local start time ("HH:mm") and length.</summary>
public sealed record ScheduledTraff(string TraffId, int Number, DateOnly Date, string StartTime, int LengthMinutes);

/// <summary>A group was scheduled with the träffar generated from its format.</summary>
/// <param name="Delivery">"physical" or "digital".</param>
public sealed record GroupScheduled(
    string GroupId,
    string InsatsId,
    string FormatId,
    string FormatName,
    DateOnly StartDate,
    int MaxParticipants,
    int MinParticipants,
    string Delivery,
    IReadOnlyList<ScheduledTraff> Traffar,
    DateTime OccurredAt) : IIntegrationEvent;

/// <summary>A group was confirmed to run. <paramref name="BelowMinimum"/>: started with fewer than the format's minimum.</summary>
public sealed record GroupStarted(string GroupId, string InsatsId, int Booked, bool BelowMinimum, DateTime OccurredAt) : IIntegrationEvent;

/// <summary>A group was cancelled before it completed.</summary>
public sealed record GroupCancelled(string GroupId, string InsatsId, DateTime OccurredAt) : IIntegrationEvent;

/// <summary>A träff was added to a group after it was scheduled.</summary>
public sealed record TraffAdded(string GroupId, string InsatsId, ScheduledTraff Traff, DateTime OccurredAt) : IIntegrationEvent;

/// <summary>A träff was moved to another day or time.</summary>
public sealed record TraffMoved(string GroupId, string InsatsId, string TraffId, DateOnly Date, string StartTime, DateTime OccurredAt) : IIntegrationEvent;

/// <summary>A träff was cancelled (inställd).</summary>
public sealed record TraffCancelled(string GroupId, string InsatsId, string TraffId, DateOnly Date, DateTime OccurredAt) : IIntegrationEvent;

/// <summary>A träff was held: its attendance was recorded for the first time.</summary>
public sealed record TraffHeld(string GroupId, string InsatsId, string TraffId, int Number, DateOnly Date, int LengthMinutes, DateTime OccurredAt) : IIntegrationEvent;

/// <summary>A participant got a place in a group. <paramref name="JoinedAtTraff"/> above 1: a late joiner.</summary>
public sealed record BookingMade(string BookingId, string GroupId, string InsatsId, string ParticipantId, int JoinedAtTraff, DateTime OccurredAt) : IIntegrationEvent;

/// <summary>A participant was put on a full group's waiting list at <paramref name="Position"/>.</summary>
public sealed record BookingWaitlisted(string BookingId, string GroupId, string InsatsId, string ParticipantId, int Position, DateTime OccurredAt) : IIntegrationEvent;

/// <summary>The first in line got a place that was freed.</summary>
public sealed record BookingPromoted(string BookingId, string GroupId, string InsatsId, string ParticipantId, int JoinedAtTraff, DateTime OccurredAt) : IIntegrationEvent;

/// <summary>A booking or a place on the waiting list was cancelled.</summary>
/// <param name="Reason">A code: deltagaren-avbokade, sjukdom, avslutad-i-insatsen, fel-grupp or ovrigt.</param>
/// <param name="WasWaitlisted">True when the cancelled booking was on the waiting list (no place was freed).</param>
public sealed record BookingCancelled(string BookingId, string GroupId, string InsatsId, string ParticipantId, string Reason, bool WasWaitlisted, DateTime OccurredAt) : IIntegrationEvent;

/// <summary>Attendance of one participant at one träff.</summary>
/// <param name="Status">"present", "excused-absence" or "unexcused-absence".</param>
public sealed record AttendanceRecorded(string GroupId, string InsatsId, string TraffId, string ParticipantId, string Status, double Hours, DateTime OccurredAt) : IIntegrationEvent;

/// <summary>A recorded attendance was corrected; the record carries the value as it now stands.</summary>
public sealed record AttendanceCorrected(string GroupId, string InsatsId, string TraffId, string ParticipantId, string Status, double Hours, DateTime OccurredAt) : IIntegrationEvent;

/// <summary>How one participant fared in a completed group.</summary>
public sealed record GroupParticipantOutcome(string ParticipantId, int JoinedAtTraff, int TraffarHeldWhileBooked, int Present, bool Completed);

/// <summary>A group completed; who completed follows the format's attendance rule.</summary>
public sealed record GroupCompleted(
    string GroupId,
    string InsatsId,
    int TraffarHeld,
    int CompletionMinAttendancePercent,
    IReadOnlyList<GroupParticipantOutcome> Participants,
    DateTime OccurredAt) : IIntegrationEvent;

/// <summary>
/// One evaluation form (1–6 per statement, 0 = not answered), unlinked: no participant, no submitter, and only the
/// month it was given.
/// </summary>
public sealed record EvaluationSubmitted(
    string EvaluationId,
    string GroupId,
    string InsatsId,
    string Month,
    IReadOnlyList<string> Statements,
    IReadOnlyList<int> Ratings,
    DateTime OccurredAt) : IUnlinkedEvent;
