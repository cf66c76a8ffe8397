using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Participants.Application.Enrolments;
using Finsam.Participants.Domain;
using Finsam.Platform.Errors;

namespace Finsam.UnitTests.Participants.Enrolments;

public sealed class FollowUpTests : EnrolmentTestBase
{
    private static readonly DateOnly Ended = new(2025, 2, 20);

    private Task<Enrolment> FollowUpAsync(Enrolment enrolment, DateOnly contactOn, string note = "Arbetar kvar, trivs") =>
        Harness.Get<RecordFollowUpHandler>().HandleAsync(Staff, new RecordFollowUpCommand(enrolment.Id, Etag(enrolment), contactOn, note), Ct);

    private async Task<Enrolment> EndedEnrolmentAsync()
    {
        var participant = await RegisterAsync();
        await ConsentAsync(participant, new DateOnly(2024, 9, 1));
        var enrolment = await StartAsync(Identified(participant.Id, startDate: new DateOnly(2024, 9, 1)));
        return await EndAsync(enrolment, Ended);
    }

    [Fact]
    public async Task Follow_up_within_twelve_months_is_recorded_and_published()
    {
        var ended = await EndedEnrolmentAsync();

        var changed = await FollowUpAsync(ended, new DateOnly(2025, 6, 1));

        var followUp = Assert.Single(changed.FollowUps);
        Assert.Equal("Arbetar kvar, trivs", followUp.Note);
        var published = Assert.Single(await EventsAsync<FollowUpRecorded>());
        Assert.Equal((ended.Id, InsatsA, new DateOnly(2025, 6, 1)), (published.EnrolmentId, published.InsatsId, published.ContactOn));
    }

    [Fact]
    public async Task The_last_day_is_twelve_months_after_the_end_and_nothing_after()
    {
        var ended = await EndedEnrolmentAsync();

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => FollowUpAsync(ended, new DateOnly(2026, 2, 21)));
        Assert.Equal("contact_on", Field(ex));
        Assert.Contains("2026-02-20", ex.Violations[0].Description, StringComparison.Ordinal);

        Assert.Single((await FollowUpAsync(ended, new DateOnly(2026, 2, 20))).FollowUps);
    }

    [Fact]
    public async Task Follow_up_cannot_be_recorded_ahead_of_time()
    {
        var enrolment = await EndAsync(await EnrolledAsync(new DateOnly(2026, 1, 5)), new DateOnly(2026, 2, 1));

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => FollowUpAsync(enrolment, Today.AddDays(1)));

        Assert.Equal("contact_on", Field(ex));
    }

    [Fact]
    public async Task Follow_up_on_or_before_the_end_date_names_contact_on()
    {
        var ended = await EndedEnrolmentAsync();

        Assert.Equal("contact_on", Field(await Assert.ThrowsAsync<ValidationFailedException>(() => FollowUpAsync(ended, Ended))));
        Assert.Equal("contact_on", Field(await Assert.ThrowsAsync<ValidationFailedException>(() => FollowUpAsync(ended, Ended.AddDays(-5)))));
    }

    [Fact]
    public async Task Follow_up_of_a_running_stay_is_a_failed_precondition()
    {
        var enrolment = await EnrolledAsync(new DateOnly(2026, 1, 5));

        var ex = await Assert.ThrowsAsync<PreconditionFailedException>(() => FollowUpAsync(enrolment, Today));

        Assert.Equal(RecordFollowUpHandler.ReasonNotEnded, ex.Reason);
    }

    [Fact]
    public async Task Note_is_at_most_five_hundred_characters()
    {
        var ended = await EndedEnrolmentAsync();

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => FollowUpAsync(ended, new DateOnly(2025, 6, 1), new string('n', 501)));

        Assert.Equal("note", Field(ex));
        Assert.Single((await FollowUpAsync(ended, new DateOnly(2025, 6, 1), new string('n', 500))).FollowUps);
    }

    [Fact]
    public async Task Correcting_the_end_past_a_recorded_follow_up_is_refused()
    {
        var ended = await EndedEnrolmentAsync();
        var followed = await FollowUpAsync(ended, new DateOnly(2025, 4, 1));

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Harness.Get<CorrectEnrolmentHandlers>().CorrectEndAsync(
            Staff, new CorrectEnrolmentEndCommand(followed.Id, Etag(followed), new DateOnly(2025, 4, 2), [], "", [], "Fel datum"), Ct));

        Assert.Equal("end_date", Field(ex));
    }
}
