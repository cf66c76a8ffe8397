namespace Finsam.Activities.Domain.Groups;

public enum BookingStatus
{
    Booked = 1,
    Waitlisted = 2,
    Cancelled = 3,
}

/// <summary>
/// A participant's place in a group, or on its waiting list. The waiting list is ordered by
/// <see cref="WaitlistSequence"/> (ascending): the first in line is promoted when a place frees.
/// </summary>
public sealed class Booking
{
    public required string Id { get; init; }

    public required string ParticipantId { get; init; }

    public BookingStatus Status { get; set; }

    /// <summary>The request id it was made with (a retry returns this booking).</summary>
    public required string RequestId { get; init; }

    public DateTime BookedAt { get; init; }

    public required string BookedBy { get; init; }

    /// <summary>Order on the waiting list; assigned when wait-listed, kept afterwards.</summary>
    public long WaitlistSequence { get; set; }

    public DateTime? PromotedAt { get; set; }

    /// <summary>
    /// The id of the träff the booking counts from: the group's first for someone booked before the start, a later
    /// one for a late joiner; empty while wait-listed. The rules anchor to the träff itself, never to its number:
    /// adding or moving a träff renumbers the träffar, and a stored number would then point at another träff.
    /// </summary>
    public string JoinedAtTraffId { get; set; } = "";

    /// <summary>
    /// The current number of <see cref="JoinedAtTraffId"/>'s träff, for the API and the events only: set when the
    /// booking gets its place and kept in step by <see cref="Group.Renumber"/>. No rule compares it.
    /// </summary>
    public int JoinedAtTraff { get; set; }

    /// <summary>Code: deltagaren-avbokade, sjukdom, avslutad-i-insatsen, fel-grupp or ovrigt.</summary>
    public string? CancelReason { get; set; }


    public DateTime? CancelledAt { get; set; }

    public string? CancelledBy { get; set; }

    /// <summary>Whether it was on the waiting list when cancelled.</summary>
    public bool CancelledFromWaitlist { get; set; }
}

public static class BookingCancelReasons
{
    public static readonly IReadOnlyList<string> All = ["deltagaren-avbokade", "sjukdom", "avslutad-i-insatsen", "fel-grupp", "ovrigt"];
}
