using Finsam.Activities.Application.Access;
using Finsam.Activities.Application.Formats;
using Finsam.Activities.Domain.Formats;
using Finsam.Activities.Domain.Groups;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;

namespace Finsam.UnitTests.Activities.Formats;

/// <summary>Course formats over LiteDB: define (idempotent), change with an etag, read, list, and every rule naming its field.</summary>
public sealed class CourseFormatHandlersTests : IAsyncLifetime
{
    private static readonly Caller Admin = ActivitiesHarness.As(Roles.Administrator, "admin-1");

    private ActivitiesHarness _harness = null!;
    private int _seeded;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CourseFormatHandlers Handlers => _harness.Get<CourseFormatHandlers>();

    public async ValueTask InitializeAsync()
    {
        _harness = await ActivitiesHarness.StartAsync();
        _seeded = (await AllAsync()).Count;
    }

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    /// <summary>A Mitt Val-like format that passes every rule; tests break one thing at a time.</summary>
    public static CourseFormatDraft Valid() => new(
        Name: "Mitt Val höst",
        Description: "Vägledning i grupp.\nAvslutas med ett individuellt samtal.",
        Phases: [new CourseFormatPhaseDraft("Kursträffar", 8, [4, 2], "09:30", 120, 0)],
        MinParticipants: 8,
        MaxParticipants: 10,
        RequiredLeaderQualification: "",
        RequiredLeaderAgencies: ["fk", "af"],
        MeasurementPoints: [MeasurementPoint.Start, MeasurementPoint.End],
        Delivery: Delivery.Physical,
        InterpreterRequired: false,
        LateJoinUntilTraff: 2,
        CompletionMinAttendancePercent: 75,
        TraffThemes: ["Välkommen", "", "Arbetsmarknaden"],
        EvaluationStatements: ["Omfattningen var bra", "Jag blev bemött med respekt"]);

    private static CourseFormatDraft WithPhase(int index, Func<CourseFormatPhaseDraft, CourseFormatPhaseDraft> change, CourseFormatDraft? draft = null)
    {
        draft ??= Valid();
        var phases = draft.Phases.ToList();
        phases[index] = change(phases[index]);
        return draft with { Phases = phases };
    }

    private static CourseFormatDraft Redo() => Valid() with
    {
        Phases =
        [
            new CourseFormatPhaseDraft("Fas 1", 10, [2, 4], "13:00", 150, 0),
            new CourseFormatPhaseDraft("Fas 2", 10, [2, 4], "09:00", 150, 0),
            new CourseFormatPhaseDraft("Fas 3", 0, [], "", 0, 6),
        ],
    };

    private async Task<IReadOnlyList<CourseFormat>> AllAsync() => (await Handlers.ListAsync(100, null, Ct)).Page;

    private async Task<ValidationFailedException> InvalidAsync(CourseFormatDraft? draft)
    {
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(
            () => Handlers.DefineAsync(Admin, new DefineCourseFormatCommand(Guid.NewGuid().ToString(), draft), Ct));
        Assert.Equal(_seeded, (await AllAsync()).Count);
        return ex;
    }

    [Fact]
    public async Task Define_stores_the_validated_format()
    {
        var format = await Handlers.DefineAsync(Admin, new DefineCourseFormatCommand(null, Valid() with { Name = "  Mitt Val höst " }), Ct);

        Assert.Equal("Mitt Val höst", format.Content.Name);
        Assert.Equal([2, 4], format.Content.Phases[0].Weekdays);
        Assert.Equal(new TimeOnly(9, 30), format.Content.Phases[0].StartTime);
        Assert.Equal(8, format.Content.TotalTraffar);
        Assert.Equal(["Välkommen", "", "Arbetsmarknaden"], format.Content.TraffThemes);
        Assert.Null(format.SeedKey);
        Assert.Equal(1, format.Version);
        Assert.Equal(ActivitiesHarness.DefaultNow.UtcDateTime, format.ChangedAt);

        var read = await Handlers.GetAsync(format.Id, Ct);
        Assert.Equal(format.Id, read.Id);
        Assert.Equivalent(format.Content, read.Content, strict: true);
        Assert.Equal(_seeded + 1, (await AllAsync()).Count);
    }

    [Fact]
    public async Task A_phase_without_traffar_lasts_its_weeks()
    {
        var format = await Handlers.DefineAsync(Admin, new DefineCourseFormatCommand(null, Redo()), Ct);

        var read = await Handlers.GetAsync(format.Id, Ct);
        Assert.Equal(20, read.Content.TotalTraffar);
        Assert.Equal((0, 6), (read.Content.Phases[2].Traffar, read.Content.Phases[2].Weeks));
        Assert.Empty(read.Content.Phases[2].Weekdays);
    }

    [Fact]
    public async Task Same_request_id_twice_defines_one_format()
    {
        var requestId = Guid.NewGuid().ToString();

        var first = await Handlers.DefineAsync(Admin, new DefineCourseFormatCommand(requestId, Valid()), Ct);
        var second = await Handlers.DefineAsync(Admin, new DefineCourseFormatCommand(requestId, Valid() with { Name = "Annat" }), Ct);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal("Mitt Val höst", second.Content.Name);
        Assert.Equal(_seeded + 1, (await AllAsync()).Count);
    }

    [Fact]
    public async Task Only_catalogue_editors_define_and_change_formats()
    {
        var ia = await Handlers.DefineAsync(ActivitiesHarness.As(Roles.Insatsansvarig, "ia-1"), new DefineCourseFormatCommand(null, Valid()), Ct);

        foreach (var role in new[] { Roles.Gruppledare, Roles.Samordnare, Roles.Ledning })
        {
            var caller = ActivitiesHarness.As(role);
            var define = await Assert.ThrowsAsync<PermissionDeniedException>(() => Handlers.DefineAsync(caller, new DefineCourseFormatCommand(null, Valid()), Ct));
            var change = await Assert.ThrowsAsync<PermissionDeniedException>(
                () => Handlers.ChangeAsync(caller, new ChangeCourseFormatCommand(ia.Id, "1", Valid() with { Name = "Nej" }), Ct));
            Assert.Equal(ActivitiesAccess.ReasonRoleNotAllowed, define.Reason);
            Assert.Equal(ActivitiesAccess.ReasonRoleNotAllowed, change.Reason);
        }

        Assert.Equal(_seeded + 1, (await AllAsync()).Count);
        Assert.Equal(1, (await Handlers.GetAsync(ia.Id, Ct)).Version);
    }

    [Fact]
    public async Task A_missing_format_is_named()
    {
        var ex = await InvalidAsync(null);

        Assert.Equal("format", Assert.Single(ex.Violations).Field);
    }

    public static TheoryData<string, string> BrokenFormats() => new()
    {
        { "no name", "format.name" },
        { "name with a line break", "format.name" },
        { "no phases", "format.phases" },
        { "eleven phases", "format.phases" },
        { "no traffar at all", "format.phases" },
        { "weekday six", "format.phases[0].weekdays" },
        { "weekday zero", "format.phases[0].weekdays" },
        { "weekday twice", "format.phases[0].weekdays" },
        { "no weekdays", "format.phases[0].weekdays" },
        { "time without leading zero", "format.phases[0].start_time" },
        { "time with seconds", "format.phases[0].start_time" },
        { "time 24:00", "format.phases[0].start_time" },
        { "length 14", "format.phases[0].length_minutes" },
        { "length 601", "format.phases[0].length_minutes" },
        { "ends after midnight", "format.phases[0].length_minutes" },
        { "weeks on a traff phase", "format.phases[0].weeks" },
        { "negative traffar", "format.phases[0].traffar" },
        { "traff-less phase without weeks", "format.phases[2].weeks" },
        { "traff-less phase with weekdays", "format.phases[2].weekdays" },
        { "traff-less phase with a time", "format.phases[2].start_time" },
        { "traff-less phase with a length", "format.phases[2].length_minutes" },
        { "max 0", "format.max_participants" },
        { "max 101", "format.max_participants" },
        { "min above max", "format.min_participants" },
        { "negative min", "format.min_participants" },
        { "qualification with capitals", "format.required_leader_qualification" },
        { "qualification with a space", "format.required_leader_qualification" },
        { "unknown agency", "format.required_leader_agencies[1]" },
        { "agency twice", "format.required_leader_agencies[1]" },
        { "unspecified measurement point", "format.measurement_points[1]" },
        { "measurement point twice", "format.measurement_points[1]" },
        { "no delivery", "format.delivery" },
        { "late join after the last traff", "format.late_join_until_traff" },
        { "negative late join", "format.late_join_until_traff" },
        { "completion 101", "format.completion_min_attendance_percent" },
        { "completion -1", "format.completion_min_attendance_percent" },
        { "more themes than traffar", "format.traff_themes" },
        { "theme with a tab", "format.traff_themes[2]" },
        { "no evaluation statements", "format.evaluation_statements" },
        { "21 evaluation statements", "format.evaluation_statements" },
        { "blank statement", "format.evaluation_statements[1]" },
        { "statement of 301 characters", "format.evaluation_statements[0]" },
    };

    private static CourseFormatDraft Broken(string what) => what switch
    {
        "no name" => Valid() with { Name = " " },
        "name with a line break" => Valid() with { Name = "Mitt\nVal" },
        "no phases" => Valid() with { Phases = [] },
        "eleven phases" => Valid() with { Phases = Enumerable.Repeat(Valid().Phases[0], 11).ToList() },
        "no traffar at all" => Valid() with { Phases = [new CourseFormatPhaseDraft("Arbetsträning", 0, [], "", 0, 4)], LateJoinUntilTraff = 0, TraffThemes = [] },
        "weekday six" => WithPhase(0, p => p with { Weekdays = [2, 6] }),
        "weekday zero" => WithPhase(0, p => p with { Weekdays = [0] }),
        "weekday twice" => WithPhase(0, p => p with { Weekdays = [2, 2] }),
        "no weekdays" => WithPhase(0, p => p with { Weekdays = [] }),
        "time without leading zero" => WithPhase(0, p => p with { StartTime = "9:30" }),
        "time with seconds" => WithPhase(0, p => p with { StartTime = "09:30:00" }),
        "time 24:00" => WithPhase(0, p => p with { StartTime = "24:00" }),
        "length 14" => WithPhase(0, p => p with { LengthMinutes = 14 }),
        "length 601" => WithPhase(0, p => p with { LengthMinutes = 601 }),
        "ends after midnight" => WithPhase(0, p => p with { StartTime = "22:00", LengthMinutes = 180 }),
        "weeks on a traff phase" => WithPhase(0, p => p with { Weeks = 4 }),
        "negative traffar" => WithPhase(0, p => p with { Traffar = -1 }, Redo()),
        "traff-less phase without weeks" => WithPhase(2, p => p with { Weeks = 0 }, Redo()),
        "traff-less phase with weekdays" => WithPhase(2, p => p with { Weekdays = [1] }, Redo()),
        "traff-less phase with a time" => WithPhase(2, p => p with { StartTime = "09:00" }, Redo()),
        "traff-less phase with a length" => WithPhase(2, p => p with { LengthMinutes = 60 }, Redo()),
        "max 0" => Valid() with { MaxParticipants = 0, MinParticipants = 0 },
        "max 101" => Valid() with { MaxParticipants = 101 },
        "min above max" => Valid() with { MinParticipants = 11 },
        "negative min" => Valid() with { MinParticipants = -1 },
        "qualification with capitals" => Valid() with { RequiredLeaderQualification = "ReDO-certifierad" },
        "qualification with a space" => Valid() with { RequiredLeaderQualification = "redo certifierad" },
        "unknown agency" => Valid() with { RequiredLeaderAgencies = ["fk", "skatteverket"] },
        "agency twice" => Valid() with { RequiredLeaderAgencies = ["fk", "fk"] },
        "unspecified measurement point" => Valid() with { MeasurementPoints = [MeasurementPoint.Start, null] },
        "measurement point twice" => Valid() with { MeasurementPoints = [MeasurementPoint.End, MeasurementPoint.End] },
        "no delivery" => Valid() with { Delivery = null },
        "late join after the last traff" => Valid() with { LateJoinUntilTraff = 9 },
        "negative late join" => Valid() with { LateJoinUntilTraff = -1 },
        "completion 101" => Valid() with { CompletionMinAttendancePercent = 101 },
        "completion -1" => Valid() with { CompletionMinAttendancePercent = -1 },
        "more themes than traffar" => Valid() with { TraffThemes = Enumerable.Repeat("Tema", 9).ToList() },
        "theme with a tab" => Valid() with { TraffThemes = ["Ett", "Två", "Tre\tfyra"] },
        "no evaluation statements" => Valid() with { EvaluationStatements = [] },
        "21 evaluation statements" => Valid() with { EvaluationStatements = Enumerable.Range(1, 21).Select(i => $"Påstående {i}").ToList() },
        "blank statement" => Valid() with { EvaluationStatements = ["Bra", "  "] },
        "statement of 301 characters" => Valid() with { EvaluationStatements = [new string('a', 301)] },
        _ => throw new ArgumentOutOfRangeException(nameof(what), what, null),
    };

    [Theory]
    [MemberData(nameof(BrokenFormats))]
    public async Task Each_rule_names_its_field_and_nothing_is_written(string what, string field)
    {
        var ex = await InvalidAsync(Broken(what));

        Assert.Equal(field, Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public async Task The_limits_themselves_are_accepted()
    {
        var draft = Valid() with
        {
            Phases =
            [
                new CourseFormatPhaseDraft("Hel vecka", 5, [1, 2, 3, 4, 5], "08:00", 600, 0),
                new CourseFormatPhaseDraft("Kort", 1, [5], "23:45", 15, 0),
                new CourseFormatPhaseDraft("Paus", 0, [], "", 0, 52),
            ],
            MinParticipants = 0,
            MaxParticipants = 100,
            RequiredLeaderQualification = "redo-certifierad-arbetsterapeut",
            RequiredLeaderAgencies = ["fk", "af", "kommun", "region", "annan"],
            MeasurementPoints = [MeasurementPoint.FollowUp3Months, MeasurementPoint.Weekly, MeasurementPoint.Start, MeasurementPoint.End],
            LateJoinUntilTraff = 6,
            CompletionMinAttendancePercent = 100,
            TraffThemes = Enumerable.Repeat(new string('t', 200), 6).ToList(),
            EvaluationStatements = Enumerable.Range(1, 20).Select(i => new string('s', 299) + (i % 10)).ToList(),
        };

        var format = await Handlers.DefineAsync(Admin, new DefineCourseFormatCommand(null, draft), Ct);

        Assert.Equal(6, format.Content.TotalTraffar);
        Assert.Equal(20, format.Content.EvaluationStatements.Count);
    }

    [Fact]
    public async Task Every_violation_is_reported_at_once()
    {
        var ex = await InvalidAsync(WithPhase(0, p => p with { Weekdays = [7], StartTime = "9", LengthMinutes = 5 }) with
        {
            Name = "",
            MaxParticipants = 0,
            Delivery = null,
            EvaluationStatements = [],
        });

        Assert.Equal(
            [
                "format.delivery", "format.evaluation_statements", "format.max_participants", "format.min_participants", "format.name",
                "format.phases[0].length_minutes", "format.phases[0].start_time", "format.phases[0].weekdays",
            ],
            ex.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Request_id_and_content_are_checked_together()
    {
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(
            () => Handlers.DefineAsync(Admin, new DefineCourseFormatCommand("not-a-uuid", Valid() with { Name = "" }), Ct));

        Assert.Equal(["format.name", "request_id"], ex.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Change_replaces_the_content_and_a_stale_etag_is_aborted()
    {
        var defined = await Handlers.DefineAsync(Admin, new DefineCourseFormatCommand(null, Valid()), Ct);
        _harness.Clock.Now = ActivitiesHarness.DefaultNow.AddHours(2);

        var changed = await Handlers.ChangeAsync(Admin, new ChangeCourseFormatCommand(defined.Id, "1", Valid() with { MaxParticipants = 12 }), Ct);

        Assert.Equal(2, changed.Version);
        Assert.Equal(12, changed.Content.MaxParticipants);
        Assert.Equal(_harness.Clock.Now.UtcDateTime, changed.ChangedAt);

        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => Handlers.ChangeAsync(Admin, new ChangeCourseFormatCommand(defined.Id, "1", Valid() with { MaxParticipants = 9 }), Ct));
        Assert.Equal(CourseFormatHandlers.ReasonConflict, stale.Reason);
        var read = await Handlers.GetAsync(defined.Id, Ct);
        Assert.Equal((2L, 12), (read.Version, read.Content.MaxParticipants));
    }

    [Fact]
    public async Task A_refused_change_writes_nothing()
    {
        var defined = await Handlers.DefineAsync(Admin, new DefineCourseFormatCommand(null, Valid()), Ct);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(
            () => Handlers.ChangeAsync(Admin, new ChangeCourseFormatCommand(defined.Id, "", WithPhase(0, p => p with { Weekdays = [6] })), Ct));

        Assert.Equal(["etag", "format.phases[0].weekdays"], ex.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
        Assert.Equal(1, (await Handlers.GetAsync(defined.Id, Ct)).Version);
    }

    [Fact]
    public async Task Unknown_and_malformed_format_ids_are_refused()
    {
        var missing = await Assert.ThrowsAsync<NotFoundException>(() => Handlers.GetAsync(Guid.NewGuid().ToString(), Ct));
        Assert.Equal(CourseFormatHandlers.ReasonNotFound, missing.Reason);

        var changeMissing = await Assert.ThrowsAsync<NotFoundException>(
            () => Handlers.ChangeAsync(Admin, new ChangeCourseFormatCommand(Guid.NewGuid().ToString(), "1", Valid()), Ct));
        Assert.Equal(CourseFormatHandlers.ReasonNotFound, changeMissing.Reason);

        var malformed = await Assert.ThrowsAsync<ValidationFailedException>(() => Handlers.GetAsync("mitt-val", Ct));
        Assert.Equal("format_id", Assert.Single(malformed.Violations).Field);
    }

    [Fact]
    public async Task Paging_visits_seeded_and_defined_formats_once_in_order()
    {
        var defined = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            defined.Add((await Handlers.DefineAsync(Admin, new DefineCourseFormatCommand(null, Valid() with { Name = $"Format {i}" }), Ct)).Id);
        }

        var seen = new List<CourseFormat>();
        string? token = null;
        do
        {
            var (page, next) = await Handlers.ListAsync(4, token, Ct);
            Assert.True(page.Count <= 4);
            seen.AddRange(page);
            token = next;
        }
        while (token is not null);

        Assert.Equal(_seeded + 5, seen.Count);
        Assert.Equal(seen.Select(f => f.Id).Order(StringComparer.Ordinal), seen.Select(f => f.Id));
        Assert.Equal(_seeded + 5, seen.Select(f => f.Id).Distinct().Count());
        Assert.Equal(defined.Order(StringComparer.Ordinal), seen.Where(f => f.SeedKey is null).Select(f => f.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(-1, null, "page_size")]
    [InlineData(101, null, "page_size")]
    [InlineData(10, "mitt-val", "page_token")]
    public async Task Bad_paging_is_refused(int pageSize, string? token, string field)
    {
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Handlers.ListAsync(pageSize, token, Ct));

        Assert.Equal(field, Assert.Single(ex.Violations).Field);
    }
}
