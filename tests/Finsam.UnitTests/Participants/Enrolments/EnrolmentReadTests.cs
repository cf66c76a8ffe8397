using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Enrolments;
using Finsam.Participants.Application.Gallring;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;

namespace Finsam.UnitTests.Participants.Enrolments;

public sealed class EnrolmentReadTests : EnrolmentTestBase
{
    private GetEnrolmentHandlers Reads => Harness.Get<GetEnrolmentHandlers>();

    [Fact]
    public async Task A_person_has_each_stay_as_its_own_enrolment()
    {
        var participant = await ConsentingPersonAsync();
        var first = await StartAsync(Identified(participant.Id, startDate: new DateOnly(2025, 6, 1)));
        await EndAsync(first, new DateOnly(2025, 12, 1));
        await ConsentAsync(participant, new DateOnly(2026, 1, 10));
        var second = await StartAsync(Identified(participant.Id, InsatsB, new DateOnly(2026, 1, 10)));

        var stays = await Reads.ListForParticipantAsync(Staff, participant.Id, Ct);

        Assert.Equal([first.Id, second.Id], stays.Select(s => s.Id));
        Assert.True(stays[0].IsEnded);
        Assert.False(stays[1].IsEnded);
    }

    [Fact]
    public async Task Reading_an_identified_stay_is_logged()
    {
        var enrolment = await EnrolledAsync();
        var colleague = ParticipantsHarness.As(Roles.Deltagaransvarig, "colleague", null, InsatsA);

        var read = await Reads.GetAsync(colleague, enrolment.Id, Ct);

        Assert.Equal(enrolment.Id, read.Id);
        var entry = (await Harness.Get<IAccessLog>().ListForParticipantAsync(enrolment.ParticipantId!, Ct)).Last();
        Assert.Equal((AccessActions.ReadEnrolment, "colleague", AccessOutcome.Allowed), (entry.Action, entry.Subject, entry.Outcome));
    }

    [Fact]
    public async Task Staff_outside_the_persons_insatser_may_not_read_and_are_logged_as_denied()
    {
        var enrolment = await EnrolledAsync();

        var ex = await Assert.ThrowsAsync<PermissionDeniedException>(() => Reads.GetAsync(OtherInsatsStaff, enrolment.Id, Ct));

        Assert.Equal(ParticipantAccess.ReasonNotInOwnInsats, ex.Reason);
        var entry = (await Harness.Get<IAccessLog>().ListForParticipantAsync(enrolment.ParticipantId!, Ct)).Last();
        Assert.Equal((AccessActions.ReadEnrolment, AccessOutcome.Denied), (entry.Action, entry.Outcome));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => Reads.ListForParticipantAsync(OtherInsatsStaff, enrolment.ParticipantId, Ct));
    }

    [Fact]
    public async Task Anonymous_stay_is_read_by_the_insats_staff_only()
    {
        var enrolment = await StartAsync(AnonymousStart());

        Assert.Equal(enrolment.Id, (await Reads.GetAsync(Staff, enrolment.Id, Ct)).Id);
        await Assert.ThrowsAsync<PermissionDeniedException>(() => Reads.GetAsync(OtherInsatsStaff, enrolment.Id, Ct));
    }

    [Fact]
    public async Task Unknown_enrolment_is_not_found()
    {
        var ex = await Assert.ThrowsAsync<NotFoundException>(() => Reads.GetAsync(Staff, Guid.NewGuid().ToString(), Ct));

        Assert.Equal(EnrolmentAccess.ReasonNotFound, ex.Reason);
    }

    [Fact]
    public async Task Gallring_sees_the_stays_and_removes_their_free_text_but_keeps_the_facts()
    {
        var participant = await ConsentingPersonAsync();
        var enrolment = await StartAsync(Identified(participant.Id, startDate: new DateOnly(2025, 6, 1), contactPersons: ["Karin Berg"]));
        enrolment = await Harness.Get<RecordPlanHandler>().HandleAsync(
            Staff, new RecordPlanCommand(enrolment.Id, Etag(enrolment), new DateOnly(2025, 6, 10), "work", "Arbete på Ica", ["Praktik"], ["Promenader"], null), Ct);
        enrolment = await Harness.Get<CorrectEnrolmentHandlers>().CorrectStartAsync(
            Staff, new CorrectEnrolmentStartCommand(enrolment.Id, Etag(enrolment), null, ["Per Ek"], [], null, null, null, "Ny kontaktperson"), Ct);
        await EndAsync(enrolment, new DateOnly(2025, 12, 1));

        var stays = await Harness.Get<IParticipantStays>().StaysOfAsync(participant.Id, Ct);
        Assert.Equal([new StaySummary(InsatsA, new DateOnly(2025, 12, 1))], stays);

        var holder = Harness.Get<IIdentifyingDataHolder>();
        await holder.RemoveIdentifyingDataAsync(participant.Id, Ct);
        await holder.RemoveIdentifyingDataAsync(participant.Id, Ct); // a re-run changes nothing

        var stored = (await Repository.GetAsync(enrolment.Id, Ct))!;
        Assert.Empty(stored.Start.ContactPersons);
        Assert.Equal(EnrolmentLinks.Removed, stored.Plans[0].Huvudmal);
        Assert.Empty(stored.Plans[0].Delmal);
        Assert.All(stored.Corrections, c => Assert.Equal((EnrolmentLinks.Removed, EnrolmentLinks.Removed), (c.OldValue, c.NewValue)));
        Assert.Equal(new DateOnly(2025, 6, 1), stored.Start.StartDate);
        Assert.Equal(["sjukpenning", "forsorjningsstod"], stored.Start.ForsorjningAtStart);
        Assert.Equal(["arbete-deltid"], stored.Ending!.Reasons);
        Assert.NotNull(stored.IdentifyingDataRemovedAt);
    }
}
