using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Gallring;
using Finsam.Participants.Domain;

namespace Finsam.UnitTests.Participants.Gallring;

/// <summary>
/// An execution that stops half-way — the process dies, a write fails — is executed again and ends where an
/// uninterrupted one would have: everyone due removed, every removal logged, the run's record complete. The
/// failure is simulated by the real handler built with one failing collaborator next to the real ones.
/// </summary>
public sealed class GallringInterruptionTests : GallringTestBase
{
    /// <summary>The harness' own handler, with <paramref name="extraHolder"/> after the real holders and the log wrapped.</summary>
    private GallringHandlers HandlersWith(IIdentifyingDataHolder? extraHolder = null, Func<IAccessLog, IAccessLog>? log = null) => new(
        Harness.Get<IGallringStore>(),
        Participants,
        Harness.Get<IEnumerable<IParticipantStays>>(),
        [.. Harness.Get<IEnumerable<IIdentifyingDataHolder>>(), .. extraHolder is null ? Array.Empty<IIdentifyingDataHolder>() : [extraHolder]],
        log is null ? Harness.Get<IAccessLog>() : log(Harness.Get<IAccessLog>()),
        Harness.Clock);

    private async Task<IReadOnlyList<AccessLogEntry>> RemovalsLoggedAsync(string participantId) =>
        (await Harness.Get<IAccessLog>().ListForParticipantAsync(participantId, Ct)).Where(e => e.Action == AccessActions.RemoveIdentity).ToList();

    [Fact]
    public async Task A_run_that_stopped_after_the_first_person_is_completed_by_executing_it_again()
    {
        var first = await PersonWhoLeftIn2019Async();
        var second = await PersonWhoLeftIn2019Async();
        await RuleAsync(Steget, 1);
        var dryRun = await DryRunAsync();
        Assert.Equal(2, dryRun.Candidates.Count);

        // The second person's removal fails part-way: after the real holders ran, before the identity went.
        await Assert.ThrowsAsync<IOException>(() => HandlersWith(new FailingHolder(failOnCall: 2)).ExecuteAsync(Admin, dryRun.Id, Ct));

        var stopped = await Harness.Get<IGallringStore>().GetRunAsync(dryRun.Id, Ct);
        Assert.Null(stopped!.ExecutedAt);
        var identities = new[] { await StoredAsync(first), await StoredAsync(second) };
        Assert.Single(identities, p => p.IdentityRemovedAt is not null);

        var executed = await ExecuteAsync(dryRun);

        Assert.NotNull(executed.ExecutedAt);
        Assert.Equal(new[] { first.Id, second.Id }.Order(StringComparer.Ordinal), executed.Removed.Order(StringComparer.Ordinal));
        foreach (var participant in new[] { first, second })
        {
            var stored = await StoredAsync(participant);
            Assert.Null(stored.Personnummer);
            Assert.NotNull(stored.IdentityRemovedAt);
            Assert.All(await Enrolments.ListForParticipantAsync(participant.Id, Ct), e => Assert.Empty(e.Start.ContactPersons));
            Assert.NotEmpty(await RemovalsLoggedAsync(participant.Id));
        }
    }

    [Fact]
    public async Task A_removal_that_cannot_be_logged_does_not_happen()
    {
        var participant = await PersonWhoLeftIn2019Async();
        await RuleAsync(Steget, 1);
        var dryRun = await DryRunAsync();

        await Assert.ThrowsAsync<IOException>(() => HandlersWith(log: inner => new FailingRemovalLog(inner)).ExecuteAsync(Admin, dryRun.Id, Ct));

        // The log is written before the data changes: no entry, no removal.
        var stored = await StoredAsync(participant);
        Assert.Equal(new PersonName("Anna", "Andersson"), stored.Name);
        Assert.Null(stored.IdentityRemovedAt);
        Assert.Empty(await RemovalsLoggedAsync(participant.Id));

        var executed = await ExecuteAsync(dryRun);

        Assert.Equal([participant.Id], executed.Removed);
        Assert.Null((await StoredAsync(participant)).Name);
        Assert.Single(await RemovalsLoggedAsync(participant.Id));
    }

    /// <summary>Fails the <paramref name="failOnCall"/>-th removal, as a crash or a lost connection would.</summary>
    private sealed class FailingHolder(int failOnCall) : IIdentifyingDataHolder
    {
        private int _calls;

        public Task RemoveIdentifyingDataAsync(string participantId, CancellationToken cancellationToken) =>
            ++_calls == failOnCall ? throw new IOException("The store went away.") : Task.CompletedTask;
    }

    /// <summary>The real log, except that the gallring entry can't be written.</summary>
    private sealed class FailingRemovalLog(IAccessLog inner) : IAccessLog
    {
        public Task RecordAsync(AccessContext context, string action, string participantId, AccessOutcome outcome, CancellationToken cancellationToken) =>
            action == AccessActions.RemoveIdentity
                ? throw new IOException("The log store went away.")
                : inner.RecordAsync(context, action, participantId, outcome, cancellationToken);

        public Task<IReadOnlyList<AccessLogEntry>> ListForParticipantAsync(string participantId, CancellationToken cancellationToken) =>
            inner.ListForParticipantAsync(participantId, cancellationToken);
    }
}
