using System.Globalization;
using Finsam.Activities.Application.Catalogue;
using Finsam.Activities.Domain.Formats;
using Finsam.Activities.Domain.Leaders;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;
using Finsam.Platform.Validation;

namespace Finsam.Activities.Application.Formats;

/// <summary>
/// What makes a course format one a group can be scheduled from. The API and the seed file go through the same
/// rules, and every broken field is named with its path in the request (e.g. <c>format.phases[1].weekdays</c>).
/// </summary>
public static class CourseFormatRules
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 2000;
    public const int MaxPhases = 10;
    public const int MaxPhaseNameLength = 100;
    public const int MaxTraffarPerPhase = 100;
    public const int MaxTotalTraffar = 200;
    public const int MaxPhaseWeeks = 52;
    public const int MaxParticipants = 100;
    public const int MaxThemeLength = 200;
    public const int MaxEvaluationStatements = 20;
    public const int MaxStatementLength = 300;

    /// <summary>The valid content, or null with the violations added (all of them) under <paramref name="prefix"/>.</summary>
    public static CourseFormatContent? Validate(CourseFormatDraft? draft, List<FieldViolation> violations, string prefix = "format")
    {
        if (draft is null)
        {
            violations.Add(new FieldViolation(prefix, "Kursformatet saknas."));
            return null;
        }

        var before = violations.Count;
        var name = FreeText.Validate(draft.Name, $"{prefix}.name", "Kursformatets namn", MaxNameLength, required: true, multiline: false, violations);
        var description = FreeText.Validate(
            draft.Description, $"{prefix}.description", "Beskrivningen", MaxDescriptionLength, required: false, multiline: true, violations);
        var phases = Phases(draft.Phases, prefix, violations);
        var totalTraffar = phases?.Sum(p => p.Traffar) ?? 0;

        if (draft.MaxParticipants is < 1 or > MaxParticipants)
        {
            violations.Add(new FieldViolation($"{prefix}.max_participants", $"Största antal deltagare ska vara mellan 1 och {MaxParticipants}."));
        }

        if (draft.MinParticipants < 0 || draft.MinParticipants > Math.Max(draft.MaxParticipants, 0))
        {
            violations.Add(new FieldViolation(
                $"{prefix}.min_participants", "Minsta antal deltagare ska vara från 0 och högst lika många som största antal deltagare."));
        }

        var qualification = draft.RequiredLeaderQualification?.Trim() ?? "";
        if (qualification.Length > 0 && !Qualifications.IsValidToken(qualification))
        {
            violations.Add(new FieldViolation(
                $"{prefix}.required_leader_qualification",
                $"Kvalifikationen ska skrivas med små bokstäver a–z, siffror och bindestreck (t.ex. redo-certifierad-arbetsterapeut), högst {Qualifications.MaxLength} tecken."));
        }

        var agencies = AgencyList(draft.RequiredLeaderAgencies, prefix, violations);
        var measurementPoints = MeasurementPointList(draft.MeasurementPoints, prefix, violations);
        if (draft.Delivery is null)
        {
            violations.Add(new FieldViolation($"{prefix}.delivery", "Ange om kursen ges på plats eller digitalt."));
        }

        if (draft.LateJoinUntilTraff < 0 || (phases is not null && draft.LateJoinUntilTraff > totalTraffar))
        {
            violations.Add(new FieldViolation(
                $"{prefix}.late_join_until_traff",
                $"Sen anslutning kan tillåtas till och med en av kursens träffar: ange 0–{totalTraffar} (0 = bara före första träffen)."));
        }

        if (draft.CompletionMinAttendancePercent is < 0 or > 100)
        {
            violations.Add(new FieldViolation(
                $"{prefix}.completion_min_attendance_percent", "Närvarokravet för att ha genomfört kursen ska vara mellan 0 och 100 procent."));
        }

        var themes = Themes(draft.TraffThemes, phases is null ? null : totalTraffar, prefix, violations);
        var statements = Statements(draft.EvaluationStatements, prefix, violations);

        return violations.Count > before
            ? null
            : new CourseFormatContent(
                name!,
                description!,
                phases!,
                draft.MinParticipants,
                draft.MaxParticipants,
                qualification,
                agencies!,
                measurementPoints!,
                draft.Delivery!.Value,
                draft.InterpreterRequired,
                draft.LateJoinUntilTraff,
                draft.CompletionMinAttendancePercent,
                themes!,
                statements!);
    }

    private static List<CourseFormatPhase>? Phases(IReadOnlyList<CourseFormatPhaseDraft> drafts, string prefix, List<FieldViolation> violations)
    {
        if (drafts.Count is 0 or > MaxPhases)
        {
            violations.Add(new FieldViolation($"{prefix}.phases", $"Ett kursformat har 1–{MaxPhases} faser."));
            return null;
        }

        var before = violations.Count;
        var phases = drafts.Select((draft, i) => Phase(draft, $"{prefix}.phases[{i}]", violations)).ToList();
        if (violations.Count > before)
        {
            return null;
        }

        var total = phases.Sum(p => p!.Traffar);
        if (total is 0 or > MaxTotalTraffar)
        {
            violations.Add(new FieldViolation($"{prefix}.phases", $"Kursformatet ska ha 1–{MaxTotalTraffar} träffar sammanlagt (nu {total})."));
            return null;
        }

        return phases.Select(p => p!).ToList();
    }

    private static CourseFormatPhase? Phase(CourseFormatPhaseDraft draft, string field, List<FieldViolation> violations)
    {
        var before = violations.Count;
        var name = FreeText.Validate(draft.Name, $"{field}.name", "Fasens namn", MaxPhaseNameLength, required: false, multiline: false, violations);
        if (draft.Traffar is < 0 or > MaxTraffarPerPhase)
        {
            violations.Add(new FieldViolation($"{field}.traffar", $"En fas har 0–{MaxTraffarPerPhase} träffar."));
            return null;
        }

        if (draft.Traffar == 0)
        {
            // A phase without group träffar (ReDO's work training) only takes time; anything else sent would be ignored, so it is refused.
            if (draft.Weeks is < 1 or > MaxPhaseWeeks)
            {
                violations.Add(new FieldViolation($"{field}.weeks", $"En fas utan träffar ska pågå 1–{MaxPhaseWeeks} veckor."));
            }

            if (draft.Weekdays.Count > 0)
            {
                violations.Add(new FieldViolation($"{field}.weekdays", "En fas utan träffar har inga veckodagar."));
            }

            if (!string.IsNullOrEmpty(draft.StartTime))
            {
                violations.Add(new FieldViolation($"{field}.start_time", "En fas utan träffar har ingen starttid."));
            }

            if (draft.LengthMinutes != 0)
            {
                violations.Add(new FieldViolation($"{field}.length_minutes", "En fas utan träffar har ingen träfflängd."));
            }

            return violations.Count > before ? null : new CourseFormatPhase(name!, 0, [], default, 0, draft.Weeks);
        }

        var weekdays = Weekdays(draft.Weekdays, $"{field}.weekdays", violations);
        var startTime = TraffTimes.Time(draft.StartTime, $"{field}.start_time", required: true, violations);
        TraffTimes.Length(startTime, draft.LengthMinutes, $"{field}.length_minutes", violations);

        if (draft.Weeks != 0)
        {
            violations.Add(new FieldViolation(
                $"{field}.weeks", "Veckor anges bara för en fas utan träffar; en fas med träffar varar så länge träffarna och veckodagarna räcker."));
        }

        return violations.Count > before
            ? null
            : new CourseFormatPhase(name!, draft.Traffar, weekdays!, startTime!.Value, draft.LengthMinutes, 0);
    }

    private static List<int>? Weekdays(IReadOnlyList<int> weekdays, string field, List<FieldViolation> violations)
    {
        if (weekdays.Count == 0 || weekdays.Count > 5 || weekdays.Any(d => d is < 1 or > 5) || weekdays.Distinct().Count() != weekdays.Count)
        {
            violations.Add(new FieldViolation(
                field, "Ange veckodagarna för träffarna som 1–5 (måndag–fredag), var och en högst en gång, t.ex. [2, 4] för tisdag och torsdag."));
            return null;
        }

        return weekdays.Order().ToList();
    }

    private static List<string>? AgencyList(IReadOnlyList<string> agencies, string prefix, List<FieldViolation> violations)
    {
        var field = $"{prefix}.required_leader_agencies";
        if (agencies.Count > Agencies.All.Count)
        {
            violations.Add(new FieldViolation(field, $"Högst {Agencies.All.Count} aktörer kan krävas."));
            return null;
        }

        var before = violations.Count;
        for (var i = 0; i < agencies.Count; i++)
        {
            if (!Agencies.IsKnown(agencies[i]))
            {
                violations.Add(new FieldViolation(
                    $"{field}[{i}]", $"\"{EchoedInput.Shorten(agencies[i])}\" är ingen känd aktör. Välj bland {string.Join(", ", Agencies.All)}."));
            }
            else if (agencies.Take(i).Contains(agencies[i], StringComparer.Ordinal))
            {
                violations.Add(new FieldViolation($"{field}[{i}]", $"{agencies[i]} står redan med."));
            }
        }

        return violations.Count > before ? null : [.. agencies];
    }

    private static List<MeasurementPoint>? MeasurementPointList(IReadOnlyList<MeasurementPoint?> points, string prefix, List<FieldViolation> violations)
    {
        var field = $"{prefix}.measurement_points";
        if (points.Count > Enum.GetValues<MeasurementPoint>().Length)
        {
            violations.Add(new FieldViolation(field, "Varje mättillfälle kan anges en gång."));
            return null;
        }

        var before = violations.Count;
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i] is null)
            {
                violations.Add(new FieldViolation($"{field}[{i}]", "Okänt mättillfälle: välj start, varje vecka, slut eller uppföljning efter 3 månader."));
            }
            else if (points.Take(i).Contains(points[i]))
            {
                violations.Add(new FieldViolation($"{field}[{i}]", "Mättillfället står redan med."));
            }
        }

        return violations.Count > before ? null : points.Select(p => p!.Value).ToList();
    }

    private static List<string>? Themes(IReadOnlyList<string> themes, int? totalTraffar, string prefix, List<FieldViolation> violations)
    {
        var field = $"{prefix}.traff_themes";
        if (themes.Count > (totalTraffar ?? MaxTotalTraffar))
        {
            violations.Add(new FieldViolation(field, $"Fler teman ({themes.Count}) än träffar ({totalTraffar ?? MaxTotalTraffar})."));
            return null;
        }

        var before = violations.Count;
        // An empty theme is a träff without one; later träffar may still have theirs.
        var validated = themes
            .Select((theme, i) => FreeText.Validate(theme, $"{field}[{i}]", $"Tema för träff {i + 1}", MaxThemeLength, required: false, multiline: false, violations))
            .ToList();
        return violations.Count > before ? null : validated.Select(t => t!).ToList();
    }

    private static List<string>? Statements(IReadOnlyList<string> statements, string prefix, List<FieldViolation> violations)
    {
        var field = $"{prefix}.evaluation_statements";
        if (statements.Count is 0 or > MaxEvaluationStatements)
        {
            violations.Add(new FieldViolation(field, $"Utvärderingen ska ha 1–{MaxEvaluationStatements} påståenden att ta ställning till."));
            return null;
        }

        var before = violations.Count;
        var validated = statements
            .Select((statement, i) => FreeText.Validate(statement, $"{field}[{i}]", $"Påstående {i + 1}", MaxStatementLength, required: true, multiline: false, violations))
            .ToList();
        return violations.Count > before ? null : validated.Select(s => s!).ToList();
    }
}
