using System.Text.Json.Nodes;
using Finsam.Activities.Application.Groups;
using Finsam.Activities.Domain.Groups;
using Finsam.Activities.Infrastructure.Groups;

namespace Finsam.UnitTests.Activities.Groups;

/// <summary>The group store over LiteDB: the aggregate round-trips whole, saves are version-checked, leaders are found.</summary>
public sealed class DocumentGroupRepositoryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Group NewGroup(string insatsId, params string[] leaders) => NewGroup(Guid.CreateVersion7().ToString(), insatsId, leaders);

    private static Group NewGroup(string id, string insatsId, params string[] leaders)
    {
        var group = new Group
        {
            Id = id,
            InsatsId = insatsId,
            FormatId = "format",
            FormatName = "Mitt Val",
            Name = "Mitt Val vår",
            StartDate = new DateOnly(2026, 5, 5),
            MaxParticipants = 10,
            MinParticipants = 8,
            CalendarToken = Guid.NewGuid().ToString("N"),
            ScheduledBy = "ia",
            LeaderSubjects = [.. leaders],
        };
        group.Traffar.Add(new Traff { Id = "t1", Date = new DateOnly(2026, 5, 5), StartTime = new TimeOnly(13, 0), LengthMinutes = 120 });
        group.Traffar[0].Attendance.Add(new AttendanceRecord { ParticipantId = "p1", Status = AttendanceStatus.Present, Hours = 2, RecordedBy = "gl" });
        group.Renumber();
        return group;
    }

    [Fact]
    public async Task A_group_round_trips_whole_and_a_stale_save_writes_nothing()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var repository = harness.Get<IGroupRepository>();
        var group = NewGroup("insats-1", "leader-a");
        await repository.AddAsync(group, "req-1", [], Ct);
        Assert.Equal(1, group.Version);

        var first = (await repository.GetAsync(group.Id, Ct))!;
        var second = (await repository.GetAsync(group.Id, Ct))!;
        Assert.Equal(new TimeOnly(13, 0), first.Traffar[0].StartTime);
        Assert.Equal(AttendanceStatus.Present, first.Traffar[0].Attendance[0].Status);
        Assert.Equal(1, first.Traffar[0].Number);

        first.Name = "Mitt Val höst";
        Assert.True(await repository.TrySaveAsync(first, [], Ct));
        Assert.Equal(2, first.Version);
        second.Name = "lost";
        Assert.False(await repository.TrySaveAsync(second, [], Ct));
        Assert.Equal("Mitt Val höst", (await repository.GetAsync(group.Id, Ct))!.Name);
    }

    [Fact]
    public async Task Groups_are_found_by_leader_insats_request_and_calendar_token()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var repository = harness.Get<IGroupRepository>();
        // Version 7 ids made in the same millisecond are not ordered among themselves: fixed ids keep the order known.
        var a = NewGroup("01900000-0000-7000-8000-00000000000a", "insats-1", "leader-a", "leader-b");
        var b = NewGroup("01900000-0000-7000-8000-00000000000b", "insats-1", "leader-b");
        var c = NewGroup("01900000-0000-7000-8000-00000000000c", "insats-2", "leader-c");
        await repository.AddAsync(a, "req-a", [], Ct);
        await repository.AddAsync(b, "req-b", [], Ct);
        await repository.AddAsync(c, "req-c", [], Ct);

        Assert.Equal([a.Id, b.Id], (await repository.ListByLeaderAsync("leader-b", Ct)).Select(g => g.Id));
        Assert.Equal([a.Id], (await repository.ListByLeaderAsync("leader-a", Ct)).Select(g => g.Id));
        Assert.Empty(await repository.ListByLeaderAsync("leader", Ct));
        Assert.Equal([a.Id, b.Id], (await repository.ListByInsatsAsync("insats-1", null, 10, Ct)).Select(g => g.Id));
        Assert.Equal([b.Id], (await repository.ListByInsatsAsync("insats-1", a.Id, 10, Ct)).Select(g => g.Id));
        Assert.Equal(c.Id, (await repository.FindByRequestIdAsync("req-c", Ct))!.Id);
        Assert.Equal(b.Id, (await repository.FindByCalendarTokenAsync(b.CalendarToken, Ct))!.Id);
        await Assert.ThrowsAsync<GroupRequestIdTakenException>(() => repository.AddAsync(NewGroup("insats-1"), "req-a", [], Ct));
    }

    [Fact]
    public async Task A_group_stored_before_traffar_were_anchored_by_id_still_reads_with_the_ids_empty()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var repository = harness.Get<IGroupRepository>();
        var group = NewGroup("insats-1", "leader-a");
        group.LateJoinUntilTraff = 1;
        group.LateJoinUntilTraffId = "t1";
        group.Bookings.Add(new Booking
        {
            Id = "b1", ParticipantId = "p1", RequestId = "r1", BookedBy = "gl", Status = BookingStatus.Booked, JoinedAtTraffId = "t1", JoinedAtTraff = 1,
        });
        await repository.AddAsync(group, "req-old", [], Ct);

        // Rewrite the stored state as it was written before: no JoinedAtTraffId, no LateJoinUntilTraffId.
        var documents = harness.Store.Collection<GroupDocument>(GroupDocument.CollectionName);
        var document = (await documents.GetAsync(group.Id, Ct))!;
        var state = JsonNode.Parse(document.State)!.AsObject();
        Assert.True(state.Remove(nameof(Group.LateJoinUntilTraffId)));
        Assert.True(state["Bookings"]![0]!.AsObject().Remove(nameof(Booking.JoinedAtTraffId)));
        document.State = state.ToJsonString();
        Assert.True(await documents.ReplaceAsync(document, document.Version, Ct));

        var read = (await repository.GetAsync(group.Id, Ct))!;
        Assert.Equal(("", 1), (read.LateJoinUntilTraffId, read.LateJoinUntilTraff));
        Assert.Equal(("", 1, BookingStatus.Booked), (read.Bookings[0].JoinedAtTraffId, read.Bookings[0].JoinedAtTraff, read.Bookings[0].Status));
    }
}
