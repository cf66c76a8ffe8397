using Finsam.Activities.Application.Groups;
using Finsam.Activities.Domain.Groups;
using Finsam.Activities.Infrastructure.Groups;
using Finsam.IntegrationEvents;
using Finsam.Platform.Security;

namespace Finsam.UnitTests.Activities.Bookings;

/// <summary>
/// A group stored straight through <see cref="IGroupRepository.AddAsync"/>, as ScheduleGroup would leave it: eight
/// träffar of two hours, Mondays and Thursdays from 16 February 2026, so träffar 1–5 are on or before the harness'
/// today (Monday 2 March) and 6–8 after it: a group under way. <see cref="Upcoming"/> moves every träff after
/// today (a group not yet begun), <see cref="RegisteredAfterwards"/> before it (a course held on paper, registered
/// afterwards). Participants already booked or with attendance are set in directly.
/// </summary>
public sealed class TestGroup
{
    public const string InsatsId = "insats-mitt-val";
    public const string Leader = "leader-1";
    public const int LengthMinutes = 120;

    public static readonly DateOnly[] DefaultDates =
    [
        new(2026, 2, 16), new(2026, 2, 19), new(2026, 2, 23), new(2026, 2, 26),
        new(2026, 3, 2), new(2026, 3, 5), new(2026, 3, 9), new(2026, 3, 12),
    ];

    /// <summary>Thursday 5 to Monday 30 March 2026: every träff after the harness' today.</summary>
    public static readonly DateOnly[] UpcomingDates =
    [
        new(2026, 3, 5), new(2026, 3, 9), new(2026, 3, 12), new(2026, 3, 16),
        new(2026, 3, 19), new(2026, 3, 23), new(2026, 3, 26), new(2026, 3, 30),
    ];

    /// <summary>Monday 19 January to Thursday 12 February 2026: every träff before the harness' today.</summary>
    public static readonly DateOnly[] PastDates =
    [
        new(2026, 1, 19), new(2026, 1, 22), new(2026, 1, 26), new(2026, 1, 29),
        new(2026, 2, 2), new(2026, 2, 5), new(2026, 2, 9), new(2026, 2, 12),
    ];

    private readonly List<DateOnly> _dates = [.. DefaultDates];
    private readonly List<(string ParticipantId, int JoinedAt)> _booked = [];
    private readonly List<string> _waitlisted = [];
    private readonly List<(int Number, string ParticipantId, AttendanceStatus Status)> _attendance = [];
    private readonly HashSet<int> _cancelledTraffar = [];
    private int _max = 10;
    private int _lateJoinUntil = 2;
    private int _completionPercent = 75;
    private GroupStatus _status = GroupStatus.Started;

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A participant id as the participants service gives them: a UUID, here numbered for reading.</summary>
    public static string P(int n) => $"00000000-0000-4000-8000-{n:D12}";

    public static Caller LeaderCaller => ActivitiesHarness.As(Roles.Gruppledare, Leader);

    public static Caller OtherLeader => ActivitiesHarness.As(Roles.Gruppledare, "leader-2");

    public static Caller Samordnare => ActivitiesHarness.As(Roles.Samordnare, "samordnare-1", null, InsatsId);

    public static Caller Deltagaransvarig => ActivitiesHarness.As(Roles.Deltagaransvarig, "da-1", null, InsatsId);

    public static Caller OtherInsatsSamordnare => ActivitiesHarness.As(Roles.Samordnare, "samordnare-2", null, "another-insats");

    public static Caller Insatsansvarig => ActivitiesHarness.As(Roles.Insatsansvarig, "ia-1", null, InsatsId);

    public static Caller Administrator => ActivitiesHarness.As(Roles.Administrator, "admin");

    public static Caller Analytiker => ActivitiesHarness.As(Roles.Analytiker, "analytiker");

    public TestGroup Max(int max)
    {
        _max = max;
        return this;
    }

    public TestGroup LateJoinUntil(int traff)
    {
        _lateJoinUntil = traff;
        return this;
    }

    public TestGroup CompletionPercent(int percent)
    {
        _completionPercent = percent;
        return this;
    }

    public TestGroup Status(GroupStatus status)
    {
        _status = status;
        return this;
    }

    public TestGroup Dates(params DateOnly[] dates)
    {
        _dates.Clear();
        _dates.AddRange(dates);
        return this;
    }

    /// <summary>Every träff after today: the group has not begun, so anyone booked joins at träff 1.</summary>
    public TestGroup Upcoming() => Dates(UpcomingDates);

    /// <summary>Every träff before today: a course registered afterwards, where only recorded attendance says how far it got.</summary>
    public TestGroup RegisteredAfterwards() => Dates(PastDates);

    /// <summary>Participants 1..<paramref name="count"/> booked from the first träff.</summary>
    public TestGroup Booked(int count) => Booked(Enumerable.Range(1, count).Select(P).ToArray());

    public TestGroup Booked(params string[] participantIds)
    {
        _booked.AddRange(participantIds.Select(p => (p, 1)));
        return this;
    }

    /// <summary>A late joiner, booked from träff <paramref name="joinedAt"/>.</summary>
    public TestGroup LateJoiner(string participantId, int joinedAt)
    {
        _booked.Add((participantId, joinedAt));
        return this;
    }

    public TestGroup Waitlisted(params string[] participantIds)
    {
        _waitlisted.AddRange(participantIds);
        return this;
    }

    public TestGroup CancelledTraff(int number)
    {
        _cancelledTraffar.Add(number);
        return this;
    }

    /// <summary>Träff <paramref name="number"/> held, with these records (present for the whole träff, absent with 0 hours).</summary>
    public TestGroup Attendance(int number, params (string ParticipantId, AttendanceStatus Status)[] entries)
    {
        _attendance.AddRange(entries.Select(e => (number, e.ParticipantId, e.Status)));
        return this;
    }

    /// <summary>Träffar 1..<paramref name="through"/> held with every booked participant present.</summary>
    public TestGroup AllPresentThrough(int through)
    {
        for (var n = 1; n <= through; n++)
        {
            Attendance(n, _booked.Where(b => b.JoinedAt <= n).Select(b => (b.ParticipantId, AttendanceStatus.Present)).ToArray());
        }

        return this;
    }

    public Group Build()
    {
        var bookedAt = new DateTime(2026, 2, 1, 9, 0, 0, DateTimeKind.Utc);
        var group = new Group
        {
            Id = Guid.CreateVersion7().ToString(),
            InsatsId = InsatsId,
            FormatId = "format-mitt-val",
            FormatName = "Mitt Val",
            Name = "Mitt Val vår 2026",
            Status = _status,
            StartDate = _dates.Min(),
            MinParticipants = 8,
            MaxParticipants = _max,
            LateJoinUntilTraff = _lateJoinUntil,
            CompletionMinAttendancePercent = _completionPercent,
            CalendarToken = Guid.NewGuid().ToString("N"),
            ScheduledBy = "ia-1",
            LeaderSubjects = [Leader],
        };
        foreach (var (date, i) in _dates.Select((d, i) => (d, i)))
        {
            group.Traffar.Add(new Traff { Id = $"traff-{i + 1}", Date = date, StartTime = new TimeOnly(13, 0), LengthMinutes = LengthMinutes });
        }

        group.Renumber();
        // As ScheduleGroup does: the cut-off is the träff numbered LateJoinUntilTraff, none for 0.
        group.LateJoinUntilTraffId = _lateJoinUntil >= 1 && _lateJoinUntil <= group.Traffar.Count ? group.Traffar[_lateJoinUntil - 1].Id : "";
        foreach (var number in _cancelledTraffar)
        {
            group.Traffar[number - 1].Status = TraffStatus.Cancelled;
        }

        var sequence = 0;
        foreach (var (participantId, joinedAt) in _booked)
        {
            group.Bookings.Add(new Booking
            {
                Id = Guid.CreateVersion7().ToString(),
                ParticipantId = participantId,
                RequestId = "",
                BookedBy = Leader,
                BookedAt = bookedAt.AddMinutes(++sequence),
                Status = BookingStatus.Booked,
                JoinedAtTraffId = group.Traffar[joinedAt - 1].Id,
                JoinedAtTraff = joinedAt,
            });
        }

        foreach (var participantId in _waitlisted)
        {
            group.Bookings.Add(new Booking
            {
                Id = Guid.CreateVersion7().ToString(),
                ParticipantId = participantId,
                RequestId = "",
                BookedBy = Leader,
                BookedAt = bookedAt.AddMinutes(++sequence),
                Status = BookingStatus.Waitlisted,
                WaitlistSequence = sequence,
            });
        }

        foreach (var (number, participantId, status) in _attendance)
        {
            var traff = group.Traffar[number - 1];
            traff.Status = TraffStatus.Held;
            traff.Attendance.Add(new AttendanceRecord
            {
                ParticipantId = participantId,
                Status = status,
                Hours = status == AttendanceStatus.Present ? traff.LengthHours : 0,
                RecordedBy = Leader,
                RecordedAt = bookedAt.AddDays(20),
            });
        }

        return group;
    }

    public async Task<Group> AddAsync(ActivitiesHarness harness)
    {
        var group = Build();
        await harness.Get<IGroupRepository>().AddAsync(group, Guid.NewGuid().ToString(), [], Ct);
        return group;
    }

    /// <summary>The group as stored now.</summary>
    public static async Task<Group> StoredAsync(ActivitiesHarness harness, string groupId) =>
        (await harness.Get<IGroupRepository>().GetAsync(groupId, Ct))!;

    public static Task<IReadOnlyList<IIntegrationEvent>> EventsAsync(ActivitiesHarness harness) =>
        harness.PendingEventsAsync(GroupDocument.CollectionName);

    /// <summary>What a refused command must leave as it was: the group's version and the events waiting to be sent.</summary>
    public static async Task<(long Version, int Events)> SnapshotAsync(ActivitiesHarness harness, string groupId) =>
        ((await StoredAsync(harness, groupId)).Version, (await EventsAsync(harness)).Count);

    public static async Task AssertUnchangedAsync(ActivitiesHarness harness, string groupId, (long Version, int Events) before) =>
        Assert.Equal(before, await SnapshotAsync(harness, groupId));
}
