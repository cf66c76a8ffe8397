using System.Globalization;
using Finsam.Activities.Application.Formats;
using Finsam.Activities.Domain.Formats;
using Finsam.Activities.Domain.Groups;
using Finsam.Activities.Infrastructure.Formats;
using Finsam.Activities.Infrastructure.Seed;
using Finsam.Platform.Security;
using Finsam.Platform.Storage;

namespace Finsam.UnitTests.Activities.Formats;

/// <summary>The seven formats of the domain, seeded once from the embedded file and editable afterwards.</summary>
public sealed class CourseFormatSeedTests : IAsyncLifetime
{
    private static readonly string[] Keys =
    [
        "stresshantering", "vardagsrevidering", "redo", "halsoskolan", "mitt-val", "introduktionsgrupp-rehabteam", "informationsworkshop",
    ];

    private ActivitiesHarness _harness = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _harness = await ActivitiesHarness.StartAsync();

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    private IDocumentCollection<CourseFormatDocument> Documents => _harness.Store.Collection<CourseFormatDocument>(CourseFormatDocument.CollectionName);

    private async Task<CourseFormat> SeededAsync(string key) =>
        await _harness.Get<ICourseFormatRepository>().FindBySeedKeyAsync(key, Ct) ?? throw new InvalidOperationException($"{key} was not seeded");

    [Fact]
    public async Task Starting_the_service_seeds_the_seven_domain_formats()
    {
        var (page, _) = await _harness.Get<CourseFormatHandlers>().ListAsync(100, null, Ct);

        Assert.Equal(Keys.Order(StringComparer.Ordinal), page.Select(f => f.SeedKey!).Order(StringComparer.Ordinal));
        Assert.All(page, f => Assert.Equal(1, f.Version));
        Assert.All(page, f => Assert.Equal(75, f.Content.CompletionMinAttendancePercent));
        Assert.All(page, f => Assert.Contains("Jag blev bemött med respekt", f.Content.EvaluationStatements));
        Assert.All(page, f => Assert.Contains("Jag känner mig mer redo för nästa steg", f.Content.EvaluationStatements));
        Assert.All(page, f => Assert.Contains("Omfattningen var bra", f.Content.EvaluationStatements));
        Assert.All(page, f => Assert.InRange(f.Content.LateJoinUntilTraff, 1, f.Content.TotalTraffar));
        Assert.All(page, f => Assert.NotEmpty(f.Content.MeasurementPoints));
    }

    [Fact]
    public async Task Seeding_again_stores_nothing()
    {
        var before = await Documents.CountAsync(cancellationToken: Ct);

        var first = await _harness.Get<CourseFormatSeed>().EnsureSeededAsync(Ct);
        var second = await new CourseFormatSeed(_harness.Get<ICourseFormatRepository>(), _harness.Clock).EnsureSeededAsync(Ct);

        Assert.Equal(Keys.Length, before);
        Assert.Equal((0, 0), (first, second));
        Assert.Equal(Keys.Length, await Documents.CountAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task Two_instances_seeding_an_empty_store_together_store_each_format_once()
    {
        foreach (var document in await Documents.ListAfterAsync(null, 100, Ct))
        {
            await Documents.DeleteAsync(document.Id, Ct);
        }

        var stored = await Task.WhenAll(
            new CourseFormatSeed(_harness.Get<ICourseFormatRepository>(), _harness.Clock).EnsureSeededAsync(Ct),
            new CourseFormatSeed(_harness.Get<ICourseFormatRepository>(), _harness.Clock).EnsureSeededAsync(Ct));

        Assert.Equal(Keys.Length, stored.Sum());
        Assert.Equal(Keys.Length, await Documents.CountAsync(cancellationToken: Ct));
        foreach (var key in Keys)
        {
            Assert.Single(await Documents.FindAsync(d => d.SeedKey == key, cancellationToken: Ct));
        }
    }

    [Fact]
    public async Task An_edited_seeded_format_is_kept_by_a_later_seeding()
    {
        var mittVal = await SeededAsync("mitt-val");
        var handlers = _harness.Get<CourseFormatHandlers>();
        var draft = new CourseFormatDraft(
            "Mitt Val (lokal variant)",
            mittVal.Content.Description,
            mittVal.Content.Phases.Select(p => new CourseFormatPhaseDraft(p.Name, p.Traffar, p.Weekdays, p.StartTime.ToString("HH:mm", CultureInfo.InvariantCulture), p.LengthMinutes, p.Weeks)).ToList(),
            mittVal.Content.MinParticipants,
            12,
            mittVal.Content.RequiredLeaderQualification,
            mittVal.Content.RequiredLeaderAgencies,
            mittVal.Content.MeasurementPoints.Select(p => (MeasurementPoint?)p).ToList(),
            mittVal.Content.Delivery,
            mittVal.Content.InterpreterRequired,
            mittVal.Content.LateJoinUntilTraff,
            mittVal.Content.CompletionMinAttendancePercent,
            mittVal.Content.TraffThemes,
            mittVal.Content.EvaluationStatements);
        await handlers.ChangeAsync(ActivitiesHarness.As(Roles.Administrator), new ChangeCourseFormatCommand(mittVal.Id, "1", draft), Ct);

        await _harness.Get<CourseFormatSeed>().EnsureSeededAsync(Ct);

        var after = await handlers.GetAsync(mittVal.Id, Ct);
        Assert.Equal(("Mitt Val (lokal variant)", 12, 2L, "mitt-val"), (after.Content.Name, after.Content.MaxParticipants, after.Version, after.SeedKey));
        Assert.Equal(Keys.Length, await Documents.CountAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task Stresshantering_and_vardagsrevidering_meet_once_a_week_for_four_to_six()
    {
        var stress = (await SeededAsync("stresshantering")).Content;
        var vardag = (await SeededAsync("vardagsrevidering")).Content;

        Assert.Equal((7, 1, 4, 6), (stress.TotalTraffar, stress.Phases.Single().Weekdays.Count, stress.MinParticipants, stress.MaxParticipants));
        Assert.Equal((10, 1, 4, 6), (vardag.TotalTraffar, vardag.Phases.Single().Weekdays.Count, vardag.MinParticipants, vardag.MaxParticipants));
        Assert.Equal(7, stress.TraffThemes.Count);
    }

    [Fact]
    public async Task Redo_has_three_phases_and_needs_certified_occupational_therapists()
    {
        var redo = (await SeededAsync("redo")).Content;

        Assert.Equal("redo-certifierad-arbetsterapeut", redo.RequiredLeaderQualification);
        Assert.Equal(3, redo.Phases.Count);
        var (afternoons, mornings, workTraining) = (redo.Phases[0], redo.Phases[1], redo.Phases[2]);
        Assert.Equal(10, afternoons.Traffar);
        Assert.Equal([2, 4], afternoons.Weekdays);
        Assert.True(afternoons.StartTime.Hour >= 12, "phase 1 is afternoons");
        Assert.Equal(10, mornings.Traffar);
        Assert.Equal([2, 4], mornings.Weekdays);
        Assert.True(mornings.StartTime.Hour < 12, "phase 2 is mornings");
        Assert.Equal((0, 6), (workTraining.Traffar, workTraining.Weeks));
        // 16 weeks in all: 10 träffar at 2 a week in each of the first two phases, then the work training.
        Assert.Equal(16, (afternoons.Traffar / afternoons.Weekdays.Count) + (mornings.Traffar / mornings.Weekdays.Count) + workTraining.Weeks);
    }

    [Fact]
    public async Task Halsoskolan_has_an_interpreter_and_a_theme_per_traff()
    {
        var halsoskolan = (await SeededAsync("halsoskolan")).Content;

        Assert.True(halsoskolan.InterpreterRequired);
        Assert.Equal(7, halsoskolan.TotalTraffar);
        Assert.Equal(7, halsoskolan.TraffThemes.Count(t => t.Length > 0));
        Assert.Equal(12, halsoskolan.MaxParticipants);
    }

    [Fact]
    public async Task Mitt_val_is_eight_two_hour_traffar_twice_a_week_with_leaders_from_fk_and_af()
    {
        var mittVal = (await SeededAsync("mitt-val")).Content;
        var phase = mittVal.Phases.Single();

        Assert.Equal((8, 120), (phase.Traffar, phase.LengthMinutes));
        Assert.Equal([2, 4], phase.Weekdays);
        Assert.Equal((8, 10), (mittVal.MinParticipants, mittVal.MaxParticipants));
        Assert.Equal(["fk", "af"], mittVal.RequiredLeaderAgencies);
        Assert.Contains("Gemensam kartläggning", mittVal.Description);
    }

    [Fact]
    public async Task The_intro_group_and_the_workshop_are_seeded_too()
    {
        var intro = (await SeededAsync("introduktionsgrupp-rehabteam")).Content.Phases.Single();
        var workshop = (await SeededAsync("informationsworkshop")).Content;

        Assert.Equal((8, 2, 180), (intro.Traffar, intro.Weekdays.Count, intro.LengthMinutes));
        Assert.Equal(2, workshop.TotalTraffar);
        Assert.Equal(Delivery.Physical, workshop.Delivery);
    }

    [Fact]
    public void A_broken_seed_file_is_refused_naming_the_format_and_field()
    {
        const string json = """
            { "version": 1, "formats": [ { "key": "trasig", "name": "Trasig", "phases": [ { "traffar": 2, "weekdays": [6], "startTime": "09:00", "lengthMinutes": 60 } ],
              "minParticipants": 1, "maxParticipants": 5, "delivery": "physical", "evaluationStatements": [ "Bra" ] } ] }
            """;

        var ex = Assert.Throws<InvalidOperationException>(() => CourseFormatSeed.Parse("test.json", json));

        Assert.Contains("test.json", ex.Message);
        Assert.Contains("trasig", ex.Message);
        Assert.Contains("format.phases[0].weekdays", ex.Message);
    }

    [Fact]
    public void A_seed_key_used_twice_is_refused()
    {
        const string format = """
            { "key": "dubbel", "name": "Dubbel", "phases": [ { "traffar": 2, "weekdays": [2], "startTime": "09:00", "lengthMinutes": 60 } ],
              "minParticipants": 1, "maxParticipants": 5, "delivery": "digital", "evaluationStatements": [ "Bra" ] }
            """;

        var ex = Assert.Throws<InvalidOperationException>(() => CourseFormatSeed.Parse("test.json", $$"""{ "formats": [ {{format}}, {{format}} ] }"""));

        Assert.Contains("formats[1]", ex.Message);
        Assert.Contains("key", ex.Message);
    }
}
