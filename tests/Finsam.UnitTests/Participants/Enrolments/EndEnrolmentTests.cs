using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Participants.Application.Enrolments;
using Finsam.Platform.Errors;

namespace Finsam.UnitTests.Participants.Enrolments;

public sealed class EndEnrolmentTests : EnrolmentTestBase
{
    private static readonly DateOnly Started = new(2026, 1, 5);

    private EndEnrolmentHandler Handler => Harness.Get<EndEnrolmentHandler>();

    [Fact]
    public async Task End_is_stored_and_published_with_every_reason()
    {
        var enrolment = await EnrolledAsync(Started);

        var ended = await Handler.HandleAsync(
            Staff,
            new EndEnrolmentCommand(enrolment.Id, Etag(enrolment), new DateOnly(2026, 2, 27), ["arbete-deltid", "studier"], "subventionerat-arbete", ["lon", "a-kassa"]),
            Ct);

        Assert.True(ended.IsEnded);
        var published = Assert.Single(await EventsAsync<EnrolmentEnded>());
        Assert.Equal(enrolment.Id, published.EnrolmentId);
        Assert.Equal(new DateOnly(2026, 2, 27), published.EndDate);
        Assert.Equal(["arbete-deltid", "studier"], published.Reasons);
        Assert.Equal("subventionerat-arbete", published.SysselsattningAtEnd);
        Assert.Equal(["lon", "a-kassa"], published.ForsorjningAtEnd);
        Assert.Empty(await Repository.ListActiveInInsatsAsync(InsatsA, Ct));
    }

    [Fact]
    public async Task End_before_the_start_names_end_date()
    {
        var enrolment = await EnrolledAsync(Started);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => EndAsync(enrolment, new DateOnly(2026, 1, 4)));

        Assert.Equal("end_date", Field(ex));
        Assert.Contains("2026-01-05", ex.Violations[0].Description, StringComparison.Ordinal);
        Assert.False((await Repository.GetAsync(enrolment.Id, Ct))!.IsEnded);
    }

    [Fact]
    public async Task End_on_the_start_day_is_allowed_but_not_in_the_future()
    {
        var enrolment = await EnrolledAsync(Today);

        Assert.Equal("end_date", Field(await Assert.ThrowsAsync<ValidationFailedException>(() => EndAsync(enrolment, Today.AddDays(1)))));
        Assert.True((await EndAsync(enrolment, Today)).IsEnded);
    }

    [Fact]
    public async Task Reason_outside_the_list_is_refused_naming_reasons()
    {
        var enrolment = await EnrolledAsync(Started);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => EndAsync(enrolment, Today, "arbete-deltid", "pension"));

        Assert.Equal("reasons", Field(ex));
        Assert.Contains("pension", ex.Violations[0].Description, StringComparison.Ordinal);
        Assert.Contains("medgivande-aterataget", ex.Violations[0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_end_fact_is_required()
    {
        var enrolment = await EnrolledAsync(Started);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Handler.HandleAsync(
            Staff, new EndEnrolmentCommand(enrolment.Id, Etag(enrolment), null, [], "", []), Ct));

        Assert.Equal(["end_date", "forsorjning_at_end", "reasons", "sysselsattning_at_end"], Fields(ex));
    }

    [Fact]
    public async Task An_ended_enrolment_cannot_be_ended_again()
    {
        var ended = await EndAsync(await EnrolledAsync(Started), new DateOnly(2026, 2, 1));

        var ex = await Assert.ThrowsAsync<PreconditionFailedException>(() => EndAsync(ended, Today));

        Assert.Equal(EndEnrolmentHandler.ReasonAlreadyEnded, ex.Reason);
        Assert.Single(await EventsAsync<EnrolmentEnded>());
    }

    [Fact]
    public async Task After_the_end_the_person_may_start_again_in_the_same_insats_with_fresh_consent()
    {
        var participant = await ConsentingPersonAsync();
        var first = await StartAsync(Identified(participant.Id, startDate: Started));
        await EndAsync(first, new DateOnly(2026, 2, 1));
        await ConsentAsync(participant, new DateOnly(2026, 2, 15));

        var second = await StartAsync(Identified(participant.Id));

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal([second.Id], (await Repository.ListActiveInInsatsAsync(InsatsA, Ct)).Select(e => e.Id));
    }
}
