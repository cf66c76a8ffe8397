using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Consents;
using Finsam.Participants.Application.Enrolments;
using Finsam.Participants.Application.Gallring;
using Finsam.Participants.Application.Registry;
using Finsam.Participants.Domain;
using Finsam.Participants.Infrastructure;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;
using Finsam.Testing;

namespace Finsam.UnitTests.Participants.Gallring;

/// <summary>
/// Executing a dry run: the identity of exactly the listed people who are still due is removed, logged with
/// the purpose gallring, and the run is marked executed so it can't be executed twice.
/// </summary>
public sealed class GallringExecutionTests : GallringTestBase
{
    [Fact]
    public async Task Execution_removes_personnummer_and_name_and_records_the_run()
    {
        var participant = await PersonWhoLeftIn2019Async();
        await RuleAsync(Steget, 1);
        var dryRun = await DryRunAsync();
        Harness.Clock.Now = Harness.Clock.Now.AddMinutes(30);

        var executed = await ExecuteAsync(dryRun);

        Assert.Equal(dryRun.Id, executed.Id);
        Assert.Equal([participant.Id], executed.Removed);
        Assert.Equal(Harness.Clock.Now.UtcDateTime, executed.ExecutedAt);
        Assert.Equal("admin-gallring", executed.ExecutedBy);
        var stored = await StoredAsync(participant);
        Assert.Null(stored.Personnummer);
        Assert.Null(stored.Name);
        Assert.Equal(Harness.Clock.Now.UtcDateTime, stored.IdentityRemovedAt);
        var again = await Harness.Get<IGallringStore>().GetRunAsync(dryRun.Id, Ct);
        Assert.Equal((executed.ExecutedAt, "admin-gallring"), (again!.ExecutedAt, again.ExecutedBy));
        Assert.Equal([participant.Id], again.Removed);
    }

    [Fact]
    public async Task After_gallring_the_identity_cannot_be_read_but_the_person_without_identity_can()
    {
        var participant = await PersonWhoLeftIn2019Async();
        await RuleAsync(Steget, 1);

        await ExecuteAsync(await DryRunAsync());

        // Even the one who registered the person, and an administrator, are told the identity is gone.
        foreach (var caller in new[] { Staff, Admin })
        {
            var ex = await Assert.ThrowsAsync<PreconditionFailedException>(() => Harness.Get<GetParticipantIdentityHandler>().HandleAsync(caller, participant.Id, Ct));
            Assert.Equal(GetParticipantIdentityHandler.ReasonIdentityRemoved, ex.Reason);
        }

        var read = await Harness.Get<GetParticipantHandler>().HandleAsync(Staff, participant.Id, Ct);
        Assert.Equal((participant.Gender, participant.BirthYear), (read.Gender, read.BirthYear));
        var correction = await Assert.ThrowsAsync<PreconditionFailedException>(() => Harness.Get<CorrectParticipantHandler>().HandleAsync(
            Staff, new CorrectParticipantCommand(participant.Id, Etags.Of(read.Version), "Berit", null, null, "Stavfel"), Ct));
        Assert.Equal(GetParticipantIdentityHandler.ReasonIdentityRemoved, correction.Reason);
    }

    [Fact]
    public async Task The_old_personnummer_finds_nobody_and_can_be_registered_again_as_a_new_person()
    {
        var personnummer = TestPersonnummer.Next(1975);
        var participant = await PersonWhoLeftIn2019Async(personnummer: personnummer);
        await RuleAsync(Steget, 1);

        await ExecuteAsync(await DryRunAsync());

        var search = Harness.Get<SearchParticipantsHandler>();
        Assert.Empty(await search.HandleAsync(Staff, personnummer, Ct));
        Assert.Empty(await search.HandleAsync(Admin, personnummer, Ct));
        var raw = await Harness.Store.Collection<ParticipantDocument>(ParticipantDocument.CollectionName).GetAsync(participant.Id, Ct);
        Assert.Equal(("removed:" + participant.Id, "", ""), (raw!.Personnummer, raw.GivenName, raw.FamilyName));

        // The person comes back years later: a new registration, a new id, nothing linking it to the old one.
        var returning = await RegisterAsync(Today, personnummer, "Anna", "Andersson");

        Assert.NotEqual(participant.Id, returning.Id);
        Assert.Equal(returning.Id, Assert.Single(await search.HandleAsync(Staff, personnummer, Ct)).Id);
        Assert.Empty(await Enrolments.ListForParticipantAsync(returning.Id, Ct));
        Assert.Null((await StoredAsync(participant)).Personnummer);
    }

    [Fact]
    public async Task The_old_id_cannot_be_enrolled_again()
    {
        var participant = await PersonWhoLeftIn2019Async();
        await RuleAsync(Steget, 1);
        await ExecuteAsync(await DryRunAsync());

        var ex = await Assert.ThrowsAsync<PreconditionFailedException>(() => Harness.Get<StartEnrolmentHandler>().HandleAsync(
            Staff, new StartEnrolmentCommand(null, Vagen, participant.Id, null, null, Today, ["Karin Berg"], ["lon"], null, null, null), Ct));

        Assert.Equal(GetParticipantIdentityHandler.ReasonIdentityRemoved, ex.Reason);
    }

    [Fact]
    public async Task Someone_who_started_a_new_stay_after_the_dry_run_is_kept()
    {
        var returning = await PersonWhoLeftIn2019Async();
        var gone = await PersonWhoLeftIn2019Async();
        await RuleAsync(Steget, 1);
        await RuleAsync(Vagen, 1);
        var dryRun = await DryRunAsync();
        Assert.Equal(new[] { gone.Id, returning.Id }.Order(StringComparer.Ordinal), Ids(dryRun).Order(StringComparer.Ordinal));

        // Between the dry run and its execution the person comes back, with fresh consent.
        var newStay = await StayAsync(returning, Vagen, Today, end: null, ["Karin Berg"]);
        var executed = await ExecuteAsync(dryRun);

        Assert.Equal([gone.Id], executed.Removed);
        var kept = await StoredAsync(returning);
        Assert.NotNull(kept.Personnummer);
        Assert.Equal(new PersonName("Anna", "Andersson"), kept.Name);
        Assert.Null(kept.IdentityRemovedAt);
        // Nothing of the kept person was touched, the new stay least of all.
        Assert.All(await Enrolments.ListForParticipantAsync(returning.Id, Ct), e => Assert.Null(e.IdentifyingDataRemovedAt));
        Assert.Equal(["Karin Berg"], (await Enrolments.GetAsync(newStay.Id, Ct))!.Start.ContactPersons);
        Assert.DoesNotContain(await Harness.Get<IAccessLog>().ListForParticipantAsync(returning.Id, Ct), e => e.Action == AccessActions.RemoveIdentity);
    }

    [Fact]
    public async Task A_rule_lengthened_after_the_dry_run_keeps_those_no_longer_due()
    {
        var participant = await PersonWhoLeftIn2019Async();
        await RuleAsync(Steget, 1);
        var dryRun = await DryRunAsync();
        Assert.Equal([participant.Id], Ids(dryRun));

        await RuleAsync(Steget, 10);
        var executed = await ExecuteAsync(dryRun);

        Assert.Empty(executed.Removed);
        Assert.NotNull(executed.ExecutedAt);
        Assert.NotNull((await StoredAsync(participant)).Personnummer);
    }

    [Fact]
    public async Task Only_the_listed_are_removed_not_someone_who_became_due_after_the_dry_run()
    {
        var listed = await PersonWhoLeftIn2019Async();
        var dryRunDay = new DateOnly(2021, 1, 4);
        await RuleAsync(Steget, 1);
        var dryRun = await DryRunAsync(dryRunDay);
        // Left after the dry run's day, but due by today: not in the list, so not removed by this run.
        var later = await RegisterAsync(new DateOnly(2021, 1, 4));
        await StayAsync(later, Steget, new DateOnly(2021, 1, 11), new DateOnly(2021, 3, 31));

        var executed = await ExecuteAsync(dryRun);

        Assert.Equal([listed.Id], executed.Removed);
        Assert.NotNull((await StoredAsync(later)).Personnummer);
        Assert.Equal([later.Id], Ids(await DryRunAsync()));
    }

    [Fact]
    public async Task A_dry_run_is_executed_once_only()
    {
        var participant = await PersonWhoLeftIn2019Async();
        await RuleAsync(Steget, 1);
        var dryRun = await DryRunAsync();
        var first = await ExecuteAsync(dryRun);

        var ex = await Assert.ThrowsAsync<PreconditionFailedException>(() => ExecuteAsync(dryRun));

        Assert.Equal(GallringHandlers.ReasonAlreadyExecuted, ex.Reason);
        var stored = await Harness.Get<IGallringStore>().GetRunAsync(dryRun.Id, Ct);
        Assert.Equal(first.ExecutedAt, stored!.ExecutedAt);
        Assert.Equal([participant.Id], stored.Removed);
        Assert.Single(await Harness.Get<IAccessLog>().ListForParticipantAsync(participant.Id, Ct), e => e.Action == AccessActions.RemoveIdentity);
    }

    [Fact]
    public async Task The_access_log_records_the_removal_under_the_purpose_gallring()
    {
        var participant = await PersonWhoLeftIn2019Async();
        await RuleAsync(Steget, 1);
        var dryRun = await DryRunAsync();
        Harness.Clock.Now = Harness.Clock.Now.AddHours(1);

        await ExecuteAsync(dryRun);

        var entry = Assert.Single(await Harness.Get<IAccessLog>().ListForParticipantAsync(participant.Id, Ct), e => e.Action == AccessActions.RemoveIdentity);
        Assert.Equal(
            ("admin-gallring", Roles.Administrator, AccessPurposes.Gallring, AccessOutcome.Allowed, Harness.Clock.Now.UtcDateTime),
            (entry.Subject, entry.Role, entry.Purpose, entry.Outcome, entry.At));
    }

    [Fact]
    public async Task A_run_with_nobody_due_is_executed_and_removes_nobody()
    {
        var participant = await PersonWhoLeftIn2019Async();
        var dryRun = await DryRunAsync();

        var executed = await ExecuteAsync(dryRun);

        Assert.Empty(executed.Removed);
        Assert.NotNull(executed.ExecutedAt);
        Assert.NotNull((await StoredAsync(participant)).Name);
    }

    [Fact]
    public async Task Protected_identity_is_removed_the_same_way()
    {
        At(new DateOnly(2019, 1, 10));
        var participant = await Harness.Get<RegisterParticipantHandler>().HandleAsync(
            Staff, new RegisterParticipantCommand(null, TestPersonnummer.Next(1990), "Ylva", "Skydd", Gender.Woman, true), Ct);
        await StayAsync(participant, Steget, new DateOnly(2019, 1, 14), new DateOnly(2019, 6, 28));
        await RuleAsync(Steget, 1);

        var executed = await ExecuteAsync(await DryRunAsync());

        Assert.Equal([participant.Id], executed.Removed);
        var stored = await StoredAsync(participant);
        Assert.Null(stored.Personnummer);
        Assert.Null(stored.Name);
        Assert.True(stored.ProtectedIdentity);
    }
}
