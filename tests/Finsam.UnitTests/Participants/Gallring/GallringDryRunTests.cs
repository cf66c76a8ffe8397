using Finsam.Platform.Errors;
using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Enrolments;
using Finsam.Participants.Application.Gallring;
using Finsam.Participants.Application.Referrals;
using Finsam.Participants.Domain;
using Finsam.Participants.Infrastructure;
using Finsam.Participants.Infrastructure.Gallring;
using Finsam.Platform.Security;

namespace Finsam.UnitTests.Participants.Gallring;

/// <summary>
/// Who a dry run lists: people whose every stay has ended, in insatser that all have a rule, and whose due
/// date — the latest of each stay's end plus its insats' years — has come. A dry run changes nothing but
/// its own record.
/// </summary>
public sealed class GallringDryRunTests : GallringTestBase
{
    private static readonly DateOnly Left = new(2019, 6, 28);

    [Fact]
    public async Task A_person_whose_stay_ended_long_enough_ago_is_listed_with_last_end_and_due_date()
    {
        var participant = await PersonWhoLeftIn2019Async();
        await RuleAsync(Steget, 2);

        var run = await DryRunAsync();

        var candidate = Assert.Single(run.Candidates);
        Assert.Equal(participant.Id, candidate.ParticipantId);
        Assert.Equal(Left, candidate.LastEnd);
        Assert.Equal(new DateOnly(2021, 6, 28), candidate.DueOn);
        Assert.Equal([Steget], candidate.Insatser);
    }

    [Fact]
    public async Task Due_on_the_day_itself_not_the_day_before()
    {
        var participant = await PersonWhoLeftIn2019Async();
        await RuleAsync(Steget, 5);

        Assert.Empty((await DryRunAsync(new DateOnly(2024, 6, 27))).Candidates);
        Assert.Equal([participant.Id], Ids(await DryRunAsync(new DateOnly(2024, 6, 28))));
    }

    [Fact]
    public async Task Not_yet_due_is_not_listed()
    {
        await PersonWhoLeftIn2019Async();
        // 28 June 2019 + 7 years is after today (2 March 2026).
        await RuleAsync(Steget, 7);

        Assert.Empty((await DryRunAsync()).Candidates);
    }

    [Fact]
    public async Task A_person_with_a_stay_still_running_is_never_listed()
    {
        var participant = await PersonWhoLeftIn2019Async();
        // Back in another insats since 2020, still there. Both insatser have a rule.
        await StayAsync(participant, Vagen, new DateOnly(2020, 2, 3), end: null);
        await RuleAsync(Steget, 1);
        await RuleAsync(Vagen, 1);

        Assert.Empty((await DryRunAsync()).Candidates);
    }

    [Fact]
    public async Task A_stay_in_an_insats_without_a_rule_keeps_the_person()
    {
        var participant = await PersonWhoLeftIn2019Async();
        await StayAsync(participant, UtanRegel, new DateOnly(2019, 8, 1), new DateOnly(2019, 9, 30));
        // And someone whose only stay was there.
        await PersonWhoLeftIn2019Async(UtanRegel);
        await RuleAsync(Steget, 1);

        Assert.Empty((await DryRunAsync()).Candidates);
    }

    [Fact]
    public async Task With_stays_in_two_insatser_the_later_due_date_counts()
    {
        var participant = await PersonWhoLeftIn2019Async(Steget);
        // The later stay ended first in time but its insats keeps data longer: 2020-03-31 + 4 = 2024-03-31,
        // against 2019-06-28 + 1 = 2020-06-28 for the earlier one.
        await StayAsync(participant, Vagen, new DateOnly(2019, 9, 2), new DateOnly(2020, 3, 31));
        await RuleAsync(Steget, 1);
        await RuleAsync(Vagen, 4);

        Assert.Empty((await DryRunAsync(new DateOnly(2024, 3, 30))).Candidates);
        var candidate = Assert.Single((await DryRunAsync(new DateOnly(2024, 3, 31))).Candidates);

        Assert.Equal(participant.Id, candidate.ParticipantId);
        Assert.Equal(new DateOnly(2024, 3, 31), candidate.DueOn);
        Assert.Equal(new DateOnly(2020, 3, 31), candidate.LastEnd);
        Assert.Equal([Steget, Vagen], candidate.Insatser.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_longer_rule_counts_even_when_its_stay_ended_first()
    {
        var participant = await PersonWhoLeftIn2019Async(Vagen);
        await StayAsync(participant, Steget, new DateOnly(2020, 1, 13), new DateOnly(2020, 5, 29));
        // Vagen: 2019-06-28 + 6 = 2025-06-28; Steget: 2020-05-29 + 1 = 2021-05-29. The later date decides.
        await RuleAsync(Vagen, 6);
        await RuleAsync(Steget, 1);

        Assert.Empty((await DryRunAsync(new DateOnly(2025, 6, 27))).Candidates);
        var candidate = Assert.Single((await DryRunAsync(new DateOnly(2025, 6, 28))).Candidates);
        Assert.Equal(participant.Id, candidate.ParticipantId);
        Assert.Equal(new DateOnly(2025, 6, 28), candidate.DueOn);
        Assert.Equal(new DateOnly(2020, 5, 29), candidate.LastEnd);
    }

    [Fact]
    public async Task A_person_with_an_open_referral_is_never_due()
    {
        // Registered in 2010 and referred, never decided: the referral still waits, so the person is kept.
        var participant = await RegisterAsync(new DateOnly(2010, 1, 4));
        At(new DateOnly(2010, 1, 5));
        await ReferAsync(participant);
        At(Today);
        await RuleAsync(Steget, 1);
        await RuleAsync(Vagen, 1);
        await RuleAsync(UtanRegel, 1);

        Assert.Empty((await DryRunAsync()).Candidates);
    }

    [Fact]
    public async Task A_person_only_ever_referred_and_declined_is_due_years_after_the_decision()
    {
        // Never enrolled: the decline is the last end, so the person isn't kept for ever.
        var participant = await RegisterAsync(new DateOnly(2010, 1, 4));
        At(new DateOnly(2010, 1, 5));
        var referral = await ReferAsync(participant);
        At(new DateOnly(2010, 2, 1));
        await Harness.Get<DeclineReferralHandler>().HandleAsync(
            Staff, new DeclineReferralCommand(referral.Referral.Id, Etags.Of(referral.Referral.Version), "utanfor-malgrupp", null), Ct);
        At(Today);
        await RuleAsync(Steget, 2);

        var candidate = Assert.Single((await DryRunAsync()).Candidates);
        Assert.Equal((participant.Id, new DateOnly(2010, 2, 1), new DateOnly(2012, 2, 1)), (candidate.ParticipantId, candidate.LastEnd, candidate.DueOn));
    }

    private Task<ReferralView> ReferAsync(Participant participant) =>
        Harness.Get<CreateReferralHandler>().HandleAsync(
            ParticipantsHarness.As(Roles.AgencySystem, "fk-system", Agencies.Forsakringskassan),
            new CreateReferralCommand(null, participant.Id, Steget, null, "Stöd mot arbete.", "Eva Ek", "FK-1", null),
            Ct);

    [Fact]
    public async Task Anonymous_stays_belong_to_nobody_and_list_nobody()
    {
        At(new DateOnly(2019, 3, 4));
        var anonymous = await Harness.Get<StartEnrolmentHandler>().HandleAsync(
            Staff, new StartEnrolmentCommand(null, Steget, null, new AnonymousPerson(Gender.Man, "30-34"), null, new DateOnly(2019, 3, 4), [], [], null, null, null), Ct);
        await EndAsync(anonymous, new DateOnly(2019, 3, 4));
        At(Today);
        var participant = await PersonWhoLeftIn2019Async();
        await RuleAsync(Steget, 1);

        Assert.Equal([participant.Id], Ids(await DryRunAsync()));
    }

    [Fact]
    public async Task Only_the_due_among_many_are_listed_in_a_dry_run_that_pages_through_everyone()
    {
        // More people than one page of the registry (200), so the dry run must page to see them all.
        var due = new List<string>();
        for (var i = 0; i < 205; i++)
        {
            var participant = await RegisterAsync(new DateOnly(2019, 1, 10));
            if (i % 40 == 0)
            {
                await StayAsync(participant, Steget, new DateOnly(2019, 1, 14), Left);
                due.Add(participant.Id);
            }
        }

        await RuleAsync(Steget, 1);

        Assert.Equal(due.Order(StringComparer.Ordinal), Ids(await DryRunAsync()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_dry_run_changes_nothing_but_its_own_record()
    {
        var participant = await PersonWhoLeftIn2019Async();
        await RuleAsync(Steget, 1);
        var before = await StoredAsync(participant);
        var outboxes = await OutboxesAsync();
        var stays = await Enrolments.ListForParticipantAsync(participant.Id, Ct);

        var run = await DryRunAsync();

        var after = await StoredAsync(participant);
        Assert.Equal((before.Personnummer, before.Name, before.Version), (after.Personnummer, after.Name, after.Version));
        Assert.Null(after.IdentityRemovedAt);
        Assert.Equal(stays.Select(s => s.Version), (await Enrolments.ListForParticipantAsync(participant.Id, Ct)).Select(s => s.Version));
        Assert.Equal(outboxes, await OutboxesAsync());
        Assert.DoesNotContain(await Harness.Get<IAccessLog>().ListForParticipantAsync(participant.Id, Ct), e => e.Purpose == AccessPurposes.Gallring);
        // The run is kept, unexecuted, for the execution to use.
        var stored = await Harness.Get<IGallringStore>().GetRunAsync(run.Id, Ct);
        Assert.NotNull(stored);
        Assert.Equal([participant.Id], stored.Candidates.Select(c => c.ParticipantId));
        Assert.Null(stored.ExecutedAt);
        Assert.Equal(1, await Harness.Store.Collection<GallringRunDocument>(DocumentGallringStore.RunsCollection).CountAsync(null, Ct));
        Assert.Equal(1, await Harness.Store.Collection<ParticipantDocument>(ParticipantDocument.CollectionName).CountAsync(null, Ct));
    }

    [Fact]
    public async Task A_person_already_removed_is_not_listed_again()
    {
        var participant = await PersonWhoLeftIn2019Async();
        await RuleAsync(Steget, 1);
        Assert.Equal([participant.Id], (await ExecuteAsync(await DryRunAsync())).Removed);

        Assert.Empty((await DryRunAsync()).Candidates);
    }
}
