using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Enrolments;
using Finsam.Participants.Application.Registry;
using Finsam.Participants.Domain;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;

namespace Finsam.UnitTests.Participants.Enrolments;

/// <summary>
/// A stay is the insats' own information: staff read the stays of the insatser they work in, even when the
/// person is theirs through another insats; administrators read all; agency systems none, consent or not.
/// Every decision is in the person's access log.
/// </summary>
public sealed class StayReadAccessTests : EnrolmentTestBase
{
    private static AccessContext StaffOfB => ParticipantsHarness.As(Roles.Deltagaransvarig, "deltagaransvarig-b", null, InsatsB);

    private static AccessContext FkWithConsent => ParticipantsHarness.As(Roles.AgencySystem, "fk-system", Agencies.Forsakringskassan);

    private GetEnrolmentHandlers Reads => Harness.Get<GetEnrolmentHandlers>();

    /// <summary>One person with a stay in insats A and one in insats B, and consent that covers fk.</summary>
    private async Task<(Participant Person, Enrolment InA, Enrolment InB)> TwoStaysAsync()
    {
        var participant = await ConsentingPersonAsync();
        var inA = await StartAsync(Identified(participant.Id, InsatsA));
        var inB = await StartAsync(Identified(participant.Id, InsatsB));
        return (participant, inA, inB);
    }

    private async Task<AccessLogEntry> LastLogEntryAsync(Participant participant) =>
        (await Harness.Get<IAccessLog>().ListForParticipantAsync(participant.Id, Ct)).Last();

    [Fact]
    public async Task Staff_read_the_stay_in_their_insats_but_not_the_persons_stay_in_another()
    {
        var (person, inA, inB) = await TwoStaysAsync();

        Assert.Equal(inB.Id, (await Reads.GetAsync(StaffOfB, inB.Id, Ct)).Id);
        var ex = await Assert.ThrowsAsync<PermissionDeniedException>(() => Reads.GetAsync(StaffOfB, inA.Id, Ct));

        Assert.Equal(ParticipantAccess.ReasonNotInOwnInsats, ex.Reason);
        var entry = await LastLogEntryAsync(person);
        Assert.Equal((AccessActions.ReadEnrolment, "deltagaransvarig-b", AccessOutcome.Denied), (entry.Action, entry.Subject, entry.Outcome));
    }

    [Fact]
    public async Task The_self_assessment_change_and_the_history_of_another_insats_stay_are_refused_too()
    {
        var (person, inA, _) = await TwoStaysAsync();

        var change = await Assert.ThrowsAsync<PermissionDeniedException>(
            () => Harness.Get<GetSelfAssessmentChangeHandler>().HandleAsync(StaffOfB, inA.Id, null, Ct));
        var history = await Assert.ThrowsAsync<PermissionDeniedException>(() => Reads.HistoryAsync(StaffOfB, inA.Id, Ct));

        Assert.Equal([ParticipantAccess.ReasonNotInOwnInsats, ParticipantAccess.ReasonNotInOwnInsats], new[] { change.Reason, history.Reason });
        Assert.Equal(AccessOutcome.Denied, (await LastLogEntryAsync(person)).Outcome);
    }

    [Fact]
    public async Task Listing_a_persons_stays_shows_staff_only_those_in_their_insatser_and_administrators_all()
    {
        var (person, inA, inB) = await TwoStaysAsync();

        var forStaffOfB = await Reads.ListForParticipantAsync(StaffOfB, person.Id, Ct);
        var forAdministrator = await Reads.ListForParticipantAsync(Administrator, person.Id, Ct);
        var forStaffOfBoth = await Reads.ListForParticipantAsync(Staff, person.Id, Ct);

        Assert.Equal([inB.Id], forStaffOfB.Select(s => s.Id));
        Assert.Equal([inA.Id, inB.Id], forAdministrator.Select(s => s.Id));
        Assert.Equal([inA.Id, inB.Id], forStaffOfBoth.Select(s => s.Id));
        var entry = (await Harness.Get<IAccessLog>().ListForParticipantAsync(person.Id, Ct))
            .Last(e => e.Subject == "deltagaransvarig-b");
        Assert.Equal((AccessActions.ReadEnrolment, AccessOutcome.Allowed), (entry.Action, entry.Outcome));
    }

    [Fact]
    public async Task Administrators_read_any_stay()
    {
        var (_, inA, _) = await TwoStaysAsync();

        Assert.Equal(inA.Id, (await Reads.GetAsync(Administrator, inA.Id, Ct)).Id);
        Assert.Equal(inA.Id, (await Harness.Get<GetSelfAssessmentChangeHandler>().HandleAsync(Administrator, inA.Id, null, Ct)).EnrolmentId);
    }

    [Fact]
    public async Task Agency_systems_read_no_stays_even_with_consent_and_the_refusals_are_logged()
    {
        var (person, inA, _) = await TwoStaysAsync();
        var stored = await Harness.Get<IParticipantRepository>().GetAsync(person.Id, Ct);
        Assert.NotNull(stored!.ActiveConsentFor(Agencies.Forsakringskassan, Today)); // consent would let fk read the person

        var one = await Assert.ThrowsAsync<PermissionDeniedException>(() => Reads.GetAsync(FkWithConsent, inA.Id, Ct));
        var all = await Assert.ThrowsAsync<PermissionDeniedException>(() => Reads.ListForParticipantAsync(FkWithConsent, person.Id, Ct));
        var change = await Assert.ThrowsAsync<PermissionDeniedException>(
            () => Harness.Get<GetSelfAssessmentChangeHandler>().HandleAsync(FkWithConsent, inA.Id, null, Ct));

        Assert.All(new[] { one, all, change }, ex => Assert.Equal(ParticipantAccess.ReasonRoleNotAllowed, ex.Reason));
        Assert.Contains("insatsens egen information", one.Message, StringComparison.Ordinal);
        var refusals = (await Harness.Get<IAccessLog>().ListForParticipantAsync(person.Id, Ct)).Where(e => e.Subject == "fk-system").ToList();
        Assert.Equal(3, refusals.Count);
        Assert.All(refusals, e => Assert.Equal((AccessActions.ReadEnrolment, AccessOutcome.Denied), (e.Action, e.Outcome)));
    }
}
