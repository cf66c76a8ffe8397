using Finsam.Activities.Application.Bookings;
using Finsam.Activities.Application.Groups;
using Finsam.Activities.Domain.Groups;
using Finsam.IntegrationEvents;
using Finsam.IntegrationEvents.Activities.V1;
using static Finsam.UnitTests.Activities.Bookings.TestGroup;

namespace Finsam.UnitTests.Activities.Bookings;

/// <summary>
/// The last places under a race: concurrent bookings, each through its own handler in its own scope as concurrent
/// requests get them. Each reads the group, decides, and saves version-checked; a booking that finds the group
/// changed since its read reads again and decides again. Without that check these tests fail: two bookings that
/// read the same state would both take the last place (and the later save would overwrite the earlier one), and
/// later ones would share a waiting-list position. The first two race on real threads, where such overlaps are
/// likely but not certain; the third makes every booking read before any saves, so without the check it fails
/// every time. Checked by making DocumentGroupRepository.TrySaveAsync save over whatever version was stored (last
/// writer wins): all three failed in each of four runs (5 of 10 booked, 5 of 5 booked, positions repeated).
/// </summary>
public sealed class LastPlaceRaceTests
{
    [Fact]
    public async Task Ten_concurrent_bookings_on_the_last_place_give_it_to_exactly_one_and_waitlist_the_other_nine_in_order()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Upcoming().Max(10).Booked(9).AddAsync(harness);
        var contenders = Enumerable.Range(100, 10).Select(P).ToList();

        var answers = await RaceAsync(contenders, participantId => harness.GetInNewScope<BookParticipantHandler>().HandleAsync(
            LeaderCaller, new BookParticipantCommand(group.Id, Guid.NewGuid().ToString(), participantId), Ct));

        await AssertOutcomeAsync(harness, group, answers, freePlaces: 1);
    }

    [Fact]
    public async Task Five_concurrent_bookings_on_two_free_places_book_two_and_waitlist_three()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Upcoming().Max(10).Booked(8).AddAsync(harness);
        var contenders = Enumerable.Range(100, 5).Select(P).ToList();

        var answers = await RaceAsync(contenders, participantId => harness.GetInNewScope<BookParticipantHandler>().HandleAsync(
            LeaderCaller, new BookParticipantCommand(group.Id, null, participantId), Ct));

        await AssertOutcomeAsync(harness, group, answers, freePlaces: 2);
    }

    [Fact]
    public async Task Bookings_that_all_read_the_group_before_any_saves_still_give_the_last_place_to_one()
    {
        await using var harness = await ActivitiesHarness.StartAsync();
        var group = await new TestGroup().Upcoming().Max(10).Booked(9).AddAsync(harness);
        var contenders = Enumerable.Range(100, 10).Select(P).ToList();
        var readTogether = new ReadTogetherRepository(harness.Get<IGroupRepository>(), contenders.Count);

        var answers = await Task.WhenAll(contenders.Select(participantId =>
            new BookParticipantHandler(new GroupUpdates(readTogether), harness.Clock)
                .HandleAsync(LeaderCaller, new BookParticipantCommand(group.Id, null, participantId), Ct)));

        Assert.True(readTogether.Reads > contenders.Count, "the losers read the group again");
        await AssertOutcomeAsync(harness, group, answers, freePlaces: 1);
    }

    /// <summary>Starts every booking on a thread of its own at the same moment and waits for all.</summary>
    private static async Task<BookingView[]> RaceAsync(IReadOnlyList<string> participantIds, Func<string, Task<BookingView>> book)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racers = participantIds.Select(participantId => Task.Run(async () =>
        {
            await start.Task;
            return await book(participantId);
        })).ToList();
        start.SetResult();
        return await Task.WhenAll(racers);
    }

    private static async Task AssertOutcomeAsync(ActivitiesHarness harness, Group group, BookingView[] answers, int freePlaces)
    {
        var booked = answers.Where(a => a.Booking.Status == BookingStatus.Booked).ToList();
        var waiting = answers.Where(a => a.Booking.Status == BookingStatus.Waitlisted).OrderBy(a => a.WaitlistPosition).ToList();
        Assert.Equal(freePlaces, booked.Count);
        Assert.Equal(answers.Length - freePlaces, waiting.Count);
        Assert.Equal(Enumerable.Range(1, waiting.Count), waiting.Select(a => a.WaitlistPosition));

        var stored = await StoredAsync(harness, group.Id);
        Assert.Equal(group.MaxParticipants, stored.BookedCount());
        Assert.Equal(group.Version + answers.Length, stored.Version);
        Assert.Equal(booked.Select(a => a.Booking.Id).Order(), stored.Booked.Select(b => b.Id).Where(id => answers.Any(a => a.Booking.Id == id)).Order());
        Assert.Equal(waiting.Select(a => a.Booking.Id), stored.Waitlist.Select(b => b.Id));

        var events = await EventsAsync(harness);
        Assert.Equal(answers.Length, events.Count);
        Assert.Equal(
            booked.Select(a => (a.Booking.Id, a.Booking.ParticipantId)).Order(),
            events.OfType<BookingMade>().Select(e => (e.BookingId, e.ParticipantId)).Order());
        Assert.Equal(
            waiting.Select(a => (a.Booking.Id, a.Booking.ParticipantId, a.WaitlistPosition)),
            events.OfType<BookingWaitlisted>().Select(e => (e.BookingId, e.ParticipantId, e.Position)).OrderBy(e => e.Position));
    }

    /// <summary>
    /// The real repository, except that the first <paramref name="readers"/> reads wait for each other: every booking
    /// has read the same version before any of them saves, the worst interleaving there is.
    /// </summary>
    private sealed class ReadTogetherRepository(IGroupRepository inner, int readers) : IGroupRepository
    {
        private readonly TaskCompletionSource _allRead = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public async Task<Group?> GetAsync(string groupId, CancellationToken cancellationToken)
        {
            var group = await inner.GetAsync(groupId, cancellationToken);
            var read = Interlocked.Increment(ref _reads);
            if (read == readers)
            {
                _allRead.SetResult();
            }

            if (read <= readers)
            {
                await _allRead.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            }

            return group;
        }

        public Task<bool> TrySaveAsync(Group group, IReadOnlyList<IIntegrationEvent> events, CancellationToken cancellationToken) =>
            inner.TrySaveAsync(group, events, cancellationToken);

        public Task AddAsync(Group group, string requestId, IReadOnlyList<IIntegrationEvent> events, CancellationToken cancellationToken) =>
            inner.AddAsync(group, requestId, events, cancellationToken);

        public Task<Group?> FindByRequestIdAsync(string requestId, CancellationToken cancellationToken) =>
            inner.FindByRequestIdAsync(requestId, cancellationToken);

        public Task<Group?> FindByCalendarTokenAsync(string calendarToken, CancellationToken cancellationToken) =>
            inner.FindByCalendarTokenAsync(calendarToken, cancellationToken);

        public Task<IReadOnlyList<Group>> ListByInsatsAsync(string insatsId, string? afterId, int limit, CancellationToken cancellationToken) =>
            inner.ListByInsatsAsync(insatsId, afterId, limit, cancellationToken);

        public Task<IReadOnlyList<Group>> ListByLeaderAsync(string leaderSubject, CancellationToken cancellationToken) =>
            inner.ListByLeaderAsync(leaderSubject, cancellationToken);
    }
}
