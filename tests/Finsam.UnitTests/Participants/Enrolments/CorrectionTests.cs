using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Participants.Application.Enrolments;
using Finsam.Participants.Domain;
using Finsam.Platform.Errors;

namespace Finsam.UnitTests.Participants.Enrolments;

public sealed class CorrectionTests : EnrolmentTestBase
{
    private static readonly DateOnly Started = new(2026, 1, 5);

    private CorrectEnrolmentHandlers Handlers => Harness.Get<CorrectEnrolmentHandlers>();

    private static CorrectEnrolmentEndCommand CorrectEnd(Enrolment enrolment, DateOnly? endDate = null, IReadOnlyList<string>? reasons = null, string? reason = "Fel orsak angavs") =>
        new(enrolment.Id, Etag(enrolment), endDate, reasons ?? [], "", [], reason);

    private static CorrectEnrolmentStartCommand CorrectStart(Enrolment enrolment, DateOnly? startDate = null, IReadOnlyList<string>? forsorjning = null, int? years = null) =>
        new(enrolment.Id, Etag(enrolment), startDate, [], forsorjning ?? [], null, null, years, "Uppgift från FK");

    [Fact]
    public async Task Correcting_the_end_keeps_each_earlier_value_and_publishes_the_facts_as_they_stand()
    {
        var ended = await EndAsync(await EnrolledAsync(Started), new DateOnly(2026, 2, 20), "arbete-deltid");
        Harness.Clock.Now = Harness.Clock.Now.AddHours(2);

        var corrected = await Handlers.CorrectEndAsync(Staff, CorrectEnd(ended, new DateOnly(2026, 2, 18), ["arbete-heltid"]), Ct);

        Assert.Equal(new DateOnly(2026, 2, 18), corrected.Ending!.EndDate);
        Assert.Equal(["arbete-heltid"], corrected.Ending.Reasons);
        Assert.Equal("ej-subventionerat-arbete", corrected.Ending.SysselsattningAtEnd);
        var history = await Harness.Get<GetEnrolmentHandlers>().HistoryAsync(Staff, ended.Id, Ct);
        Assert.Equal(
            [("end_date", "2026-02-20", "2026-02-18"), ("reasons", "arbete-deltid", "arbete-heltid")],
            history.Select(c => (c.Field, c.OldValue, c.NewValue)));
        Assert.All(history, c =>
        {
            Assert.Equal("samordnare-1", c.ChangedBy.Subject);
            Assert.Equal("Fel orsak angavs", c.Reason);
            Assert.Equal(Harness.Clock.Now.UtcDateTime, c.ChangedAt);
        });
        var published = Assert.Single(await EventsAsync<EnrolmentEndCorrected>());
        Assert.Equal(new DateOnly(2026, 2, 18), published.EndDate);
        // The free-text reason stays in the history; events carry only facts.
        Assert.DoesNotContain("Fel orsak", System.Text.Json.JsonSerializer.Serialize(published), StringComparison.Ordinal);
        Assert.Equal(["arbete-heltid"], published.Reasons);
        Assert.Equal(["lon"], published.ForsorjningAtEnd);
    }

    [Fact]
    public async Task A_second_correction_adds_to_the_history()
    {
        var ended = await EndAsync(await EnrolledAsync(Started), new DateOnly(2026, 2, 20));
        var once = await Handlers.CorrectEndAsync(Staff, CorrectEnd(ended, new DateOnly(2026, 2, 18)), Ct);

        var twice = await Handlers.CorrectEndAsync(Staff, CorrectEnd(once, new DateOnly(2026, 2, 19)), Ct);

        Assert.Equal(
            [("2026-02-20", "2026-02-18"), ("2026-02-18", "2026-02-19")],
            twice.Corrections.Select(c => (c.OldValue, c.NewValue)));
    }

    [Fact]
    public async Task Correcting_the_end_of_a_running_stay_is_a_failed_precondition()
    {
        var enrolment = await EnrolledAsync(Started);

        var ex = await Assert.ThrowsAsync<PreconditionFailedException>(() => Handlers.CorrectEndAsync(Staff, CorrectEnd(enrolment, Today), Ct));

        Assert.Equal(CorrectEnrolmentHandlers.ReasonNotEnded, ex.Reason);
    }

    [Fact]
    public async Task Correction_needs_a_reason_and_valid_codes()
    {
        var ended = await EndAsync(await EnrolledAsync(Started), new DateOnly(2026, 2, 20));

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(
            () => Handlers.CorrectEndAsync(Staff, CorrectEnd(ended, reasons: ["semester"], reason: ""), Ct));

        Assert.Equal(["reason", "reasons"], Fields(ex));
    }

    [Fact]
    public async Task Corrected_end_before_the_start_names_end_date()
    {
        var ended = await EndAsync(await EnrolledAsync(Started), new DateOnly(2026, 2, 20));

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Handlers.CorrectEndAsync(Staff, CorrectEnd(ended, new DateOnly(2026, 1, 1)), Ct));

        Assert.Equal("end_date", Field(ex));
    }

    [Fact]
    public async Task Nothing_differing_writes_nothing()
    {
        var ended = await EndAsync(await EnrolledAsync(Started), new DateOnly(2026, 2, 20), "arbete-deltid");

        var same = await Handlers.CorrectEndAsync(Staff, CorrectEnd(ended, new DateOnly(2026, 2, 20), ["arbete-deltid"]), Ct);

        Assert.Equal(ended.Version, same.Version);
        Assert.Empty(same.Corrections);
        Assert.Empty(await EventsAsync<EnrolmentEndCorrected>());
    }

    [Fact]
    public async Task Correcting_the_start_keeps_the_earlier_values()
    {
        var enrolment = await EnrolledAsync(Started);

        var corrected = await Handlers.CorrectStartAsync(Staff, CorrectStart(enrolment, new DateOnly(2026, 1, 7), ["a-kassa"], 0), Ct);

        Assert.Equal(new DateOnly(2026, 1, 7), corrected.Start.StartDate);
        Assert.Equal("gymnasium", corrected.Start.EducationLevel);
        Assert.Equal(
            [("start_date", "2026-01-05", "2026-01-07"), ("forsorjning_at_start", "sjukpenning, forsorjningsstod", "a-kassa"), ("years_in_support", "4", "0")],
            corrected.Corrections.Select(c => (c.Field, c.OldValue, c.NewValue)));
        var published = Assert.Single(await EventsAsync<EnrolmentStartCorrected>());
        Assert.Equal(new DateOnly(2026, 1, 7), published.StartDate);
        Assert.Equal(["a-kassa"], published.ForsorjningAtStart);
        Assert.Equal(0, published.YearsInSupport);
        Assert.Equal("sjukskriven", published.SysselsattningAtStart);
    }

    [Fact]
    public async Task Corrected_start_after_what_the_stay_recorded_is_refused()
    {
        var enrolment = await EnrolledAsync(Started);
        var mapped = await Harness.Get<RecordKartlaggningHandler>().HandleAsync(
            Staff, new RecordKartlaggningCommand(enrolment.Id, Etag(enrolment), new DateOnly(2026, 1, 10), ["hälsa"]), Ct);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(
            () => Handlers.CorrectStartAsync(Staff, CorrectStart(mapped, new DateOnly(2026, 1, 11)), Ct));

        Assert.Equal("start_date", Field(ex));
    }

    [Fact]
    public async Task Correction_with_a_stale_etag_is_aborted()
    {
        var ended = await EndAsync(await EnrolledAsync(Started), new DateOnly(2026, 2, 20));
        await Handlers.CorrectEndAsync(Staff, CorrectEnd(ended, new DateOnly(2026, 2, 18)), Ct);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Handlers.CorrectEndAsync(Staff, CorrectEnd(ended, new DateOnly(2026, 2, 17)), Ct));
    }

    [Fact]
    public async Task An_anonymous_stay_takes_no_start_facts_in_a_correction_either()
    {
        var enrolment = await StartAsync(AnonymousStart(startDate: Started));

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Handlers.CorrectStartAsync(
            Staff, new CorrectEnrolmentStartCommand(enrolment.Id, Etag(enrolment), null, ["Karin Berg"], ["sjukpenning"], "sjukskriven", "gymnasium", 2, "Uppgift från FK"), Ct));

        Assert.Equal(["contact_persons", "education_level", "forsorjning_at_start", "sysselsattning_at_start", "years_in_support"], Fields(ex));
        var corrected = await Handlers.CorrectStartAsync(Staff, CorrectStart(enrolment, new DateOnly(2026, 1, 6)), Ct);
        Assert.Equal(new DateOnly(2026, 1, 6), corrected.Start.StartDate);
    }

    [Fact]
    public async Task A_corrected_start_date_may_not_move_before_the_persons_fifteenth_birthday()
    {
        // Turns 15 on 10 January 2026.
        var participant = await ConsentingPersonAsync(new DateOnly(2011, 1, 10));
        var enrolment = await StartAsync(Identified(participant.Id, startDate: new DateOnly(2026, 1, 12)));

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Handlers.CorrectStartAsync(Staff, CorrectStart(enrolment, new DateOnly(2026, 1, 9)), Ct));

        Assert.Equal("start_date", Field(ex));
        Assert.Equal(new DateOnly(2026, 1, 10), (await Handlers.CorrectStartAsync(Staff, CorrectStart(enrolment, new DateOnly(2026, 1, 10)), Ct)).Start.StartDate);
    }

    [Fact]
    public async Task A_start_cannot_be_moved_to_a_day_without_consent()
    {
        // Consent from 1 June 2025 (the test base): the stay can't be moved to before it.
        var enrolment = await EnrolledAsync(Started);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(
            () => Handlers.CorrectStartAsync(Staff, CorrectStart(enrolment, new DateOnly(2025, 5, 20)), Ct));

        Assert.Equal("start_date", Field(ex));
        Assert.Contains("samtycke", ex.Violations[0].Description, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Started, (await Repository.GetAsync(enrolment.Id, Ct))!.Start.StartDate);
    }
}
