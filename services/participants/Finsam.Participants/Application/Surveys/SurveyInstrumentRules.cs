using System.Text.RegularExpressions;
using Finsam.Participants.Application.Validation;
using Finsam.Participants.Domain.Surveys;
using Finsam.Platform.Errors;
using Finsam.Platform.Validation;

namespace Finsam.Participants.Application.Surveys;

/// <summary>
/// What makes an instrument definition well-formed, for the API's definitions and the seeded data files alike
/// (a seed that breaks these rules stops the service at start rather than serving a broken form).
/// </summary>
public static partial class SurveyInstrumentRules
{
    /// <summary>Instrument ids are slugs, a stricter form of the service's ids, with the same maximum.</summary>
    public const int MaxIdLength = Ids.MaxLength;
    public const int MaxNameLength = 200;
    public const int MaxQuestions = 100;
    public const int MaxQuestionCodeLength = 32;
    public const int MaxQuestionTextLength = 1000;
    public const int MinOptions = 2;
    public const int MaxOptions = 20;
    public const int MaxLabelLength = 200;

    /// <summary>Lowercase ASCII words joined by hyphens, e.g. "nns-deltagare" or "for-det-mesta".</summary>
    public static bool IsSlug(string? value) => value is { Length: > 0 and <= MaxIdLength } && Slug().IsMatch(value);

    /// <summary>
    /// Checks an instrument id (field "instrument_id"), adding a violation when it is missing or not a slug.
    /// Returns the id when it is usable.
    /// </summary>
    public static string? ValidateInstrumentId(string? instrumentId, List<FieldViolation> violations)
    {
        if (string.IsNullOrEmpty(instrumentId))
        {
            violations.Add(new FieldViolation("instrument_id", "Enkätinstrument saknas."));
            return null;
        }

        if (!IsSlug(instrumentId))
        {
            violations.Add(new FieldViolation(
                "instrument_id",
                $"Instrument-id ska vara gemena a–z, siffror och bindestreck (t.ex. \"nns-deltagare\"), högst {MaxIdLength} tecken."));
            return null;
        }

        return instrumentId;
    }

    /// <summary>
    /// Validates a whole definition, naming each field the way the API spells it ("questions[2].options[0].code"),
    /// and returns it with surrounding whitespace trimmed from the wording.
    /// </summary>
    public static (string? Name, IReadOnlyList<SurveyQuestion> Questions) Validate(
        string? name, IReadOnlyList<SurveyQuestion> questions, List<FieldViolation> violations)
    {
        var trimmedName = FreeText.Validate(name, "name", "Namn", MaxNameLength, required: true, multiline: false, violations);
        if (questions.Count == 0)
        {
            violations.Add(new FieldViolation("questions", "Ange minst en fråga."));
        }
        else if (questions.Count > MaxQuestions)
        {
            violations.Add(new FieldViolation("questions", $"Högst {MaxQuestions} frågor."));
        }

        // LiteDB matches document keys without regard to case, and answers are stored keyed by question code:
        // "Q1" and "q1" in one instrument would collide, so codes are unique ignoring case.
        var seenCodes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<SurveyQuestion>(questions.Count);
        for (var i = 0; i < questions.Count; i++)
        {
            var question = questions[i];
            var field = $"questions[{i}]";
            if (string.IsNullOrEmpty(question.Code))
            {
                violations.Add(new FieldViolation($"{field}.code", "Frågans kod saknas (t.ex. \"Q1\")."));
            }
            else if (question.Code.Length > MaxQuestionCodeLength || !QuestionCode().IsMatch(question.Code))
            {
                violations.Add(new FieldViolation(
                    $"{field}.code",
                    $"Frågans kod ska vara bokstäver a–z, siffror, bindestreck eller understreck (t.ex. \"Q1\"), högst {MaxQuestionCodeLength} tecken."));
            }
            else if (!seenCodes.Add(question.Code))
            {
                violations.Add(new FieldViolation($"{field}.code", $"Frågekoden {question.Code} förekommer mer än en gång."));
            }

            var text = FreeText.Validate(question.Text, $"{field}.text", "Frågetext", MaxQuestionTextLength, required: true, multiline: false, violations);
            result.Add(new SurveyQuestion(question.Code, text ?? "", ValidateOptions(question.Options, field, violations)));
        }

        return (trimmedName, result);
    }

    private static List<SurveyOption> ValidateOptions(IReadOnlyList<SurveyOption> options, string questionField, List<FieldViolation> violations)
    {
        if (options.Count is < MinOptions or > MaxOptions)
        {
            violations.Add(new FieldViolation($"{questionField}.options", $"En fråga ska ha mellan {MinOptions} och {MaxOptions} svarsalternativ."));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<SurveyOption>(options.Count);
        for (var j = 0; j < options.Count; j++)
        {
            var option = options[j];
            var field = $"{questionField}.options[{j}]";
            if (!IsSlug(option.Code))
            {
                violations.Add(new FieldViolation(
                    $"{field}.code",
                    $"Svarsalternativets kod ska vara gemena a–z, siffror och bindestreck (t.ex. \"for-det-mesta\"), högst {MaxIdLength} tecken."));
            }
            else if (!seen.Add(option.Code))
            {
                violations.Add(new FieldViolation($"{field}.code", $"Svarskoden {option.Code} förekommer mer än en gång i frågan."));
            }

            var label = FreeText.Validate(
                option.Label, $"{field}.label", "Svarsalternativets text", MaxLabelLength, required: true, multiline: false, violations);
            result.Add(new SurveyOption(option.Code, label ?? ""));
        }

        return result;
    }

    // \z, not $: in .NET, $ also matches before a final newline.
    [GeneratedRegex(@"^[a-z0-9]+(?:-[a-z0-9]+)*\z")]
    private static partial Regex Slug();

    [GeneratedRegex(@"^[A-Za-z0-9]+(?:[_-][A-Za-z0-9]+)*\z")]
    private static partial Regex QuestionCode();
}
