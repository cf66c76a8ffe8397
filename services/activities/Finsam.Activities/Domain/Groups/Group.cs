namespace Finsam.Activities.Domain.Groups;

/// <summary>
/// A group: a course format run for an insats from a start date, with its träffar, leaders, bookings and
/// attendance. It is one aggregate stored as one document, so every change to it (a booking on the last place,
/// attendance at a träff) is a single version-checked write: two concurrent changes can't both be based on the
/// same state. The format's rules are copied in at scheduling, so a later edit of the format doesn't change a
/// group that is already planned.
/// </summary>
public sealed class Group
{
    public required string Id { get; init; }

    public required string InsatsId { get; init; }

    public required string FormatId { get; init; }

    public required string FormatName { get; init; }

    public required string Name { get; set; }

    public GroupStatus Status { get; set; } = GroupStatus.Scheduled;

    public DateOnly StartDate { get; init; }

    public List<DateOnly> ClosedDates { get; init; } = [];

    public string Location { get; set; } = "";

    public string InterpreterLanguage { get; set; } = "";

    public Delivery Delivery { get; init; } = Delivery.Physical;

    public int MinParticipants { get; init; }

    /// <summary>Places: bookings beyond this go on the waiting list.</summary>
    public int MaxParticipants { get; init; }

    /// <summary>
    /// The format's late-join rule as a number ("until träff 2"; 0: only before the first), copied at scheduling.
    /// Once the träffar exist the rule is <see cref="LateJoinUntilTraffId"/>; this is then the current number of
    /// that träff, kept in step by <see cref="Renumber"/>, for the API.
    /// </summary>
    public int LateJoinUntilTraff { get; set; }

    /// <summary>
    /// The träff late joiners may still join at (the cut-off), set at scheduling from the träff numbered
    /// <see cref="LateJoinUntilTraff"/>; empty for "only before the first träff". Anchored to the träff so that
    /// an added or moved träff doesn't shift the cut-off to another one.
    /// </summary>
    public string LateJoinUntilTraffId { get; set; } = "";

    public int CompletionMinAttendancePercent { get; init; }

    public string RequiredLeaderQualification { get; init; } = "";

    public List<string> RequiredLeaderAgencies { get; init; } = [];

    /// <summary>The format's evaluation statements at scheduling, in order.</summary>
    public List<string> EvaluationStatements { get; init; } = [];

    public List<string> LeaderSubjects { get; set; } = [];

    public List<Traff> Traffar { get; init; } = [];

    public List<Booking> Bookings { get; init; } = [];

    /// <summary>The unguessable part of the calendar feed's address.</summary>
    public required string CalendarToken { get; init; }

    public DateTime ScheduledAt { get; init; }

    public required string ScheduledBy { get; init; }

    /// <summary>Set when started below the format's minimum: why that was allowed.</summary>
    public string? StartOverrideReason { get; set; }

    public DateTime? StartedAt { get; set; }

    public string? StartedBy { get; set; }

    /// <summary>Who cancelled the group, when and why; null unless <see cref="GroupStatus.Cancelled"/>.</summary>
    public GroupCancellation? Cancellation { get; set; }

    /// <summary>The stored version this state was read at (the etag); 0 before it is first stored.</summary>
    public long Version { get; set; }

    public bool IsEnded => Status is GroupStatus.Completed or GroupStatus.Cancelled;

    public IEnumerable<Booking> Booked => Bookings.Where(b => b.Status == BookingStatus.Booked);

    /// <summary>The waiting list in order: the first is promoted next.</summary>
    public IEnumerable<Booking> Waitlist => Bookings.Where(b => b.Status == BookingStatus.Waitlisted).OrderBy(b => b.WaitlistSequence);

    public Traff? FindTraff(string traffId) => Traffar.FirstOrDefault(t => t.Id == traffId);

    /// <summary>
    /// Sorts the träffar by day and time and numbers them from 1 (cancelled ones keep a number), so a träff's
    /// <see cref="Traff.Number"/> is its position in date order. The numbers shown for a booking's joining träff
    /// and for the late-join cut-off follow their träffar.
    /// </summary>
    public void Renumber()
    {
        Traffar.Sort((a, b) => (a.Date, a.StartTime, a.Id).CompareTo((b.Date, b.StartTime, b.Id)));
        for (var i = 0; i < Traffar.Count; i++)
        {
            Traffar[i].Number = i + 1;
        }

        foreach (var booking in Bookings)
        {
            if (FindTraff(booking.JoinedAtTraffId) is { } joinedAt)
            {
                booking.JoinedAtTraff = joinedAt.Number;
            }
        }

        if (FindTraff(LateJoinUntilTraffId) is { } cutOff)
        {
            LateJoinUntilTraff = cutOff.Number;
        }
    }
}
