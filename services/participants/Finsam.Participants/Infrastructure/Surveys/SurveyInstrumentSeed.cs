using System.Reflection;
using System.Text.Json;
using Finsam.Participants.Application.Surveys;
using Finsam.Participants.Domain.Surveys;
using Finsam.Platform.Errors;
using Finsam.Platform.Storage;

namespace Finsam.Participants.Infrastructure.Surveys;

/// <summary>
/// The instruments the service ships with (Infrastructure/Seed/*.json, embedded), stored at start when absent.
/// A stored version is never overwritten, so a seed file changed by mistake can't rewrite what earlier answers
/// answered: new wording is a new file with the next version.
/// </summary>
public static class SurveyInstrumentSeed
{
    public const string ResourcePrefix = "seed/";

    public static async Task EnsureSeededAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        var collection = DocumentSurveyInstruments.Collection(store);
        foreach (var instrument in Load())
        {
            var id = SurveyInstrumentDocument.IdOf(instrument.InstrumentId, instrument.Version);
            if (await collection.GetAsync(id, cancellationToken) is not null)
            {
                continue;
            }

            try
            {
                await collection.InsertAsync(DocumentSurveyInstruments.ToDocument(instrument), cancellationToken);
            }
            catch (DuplicateKeyException ex) when (ex.Index == "_id")
            {
                // Another instance of the service seeded it first: the same file, so nothing is lost.
            }
        }
    }

    /// <summary>Every embedded seed file, validated by the same rules as a definition through the API.</summary>
    public static IReadOnlyList<SurveyInstrument> Load()
    {
        var assembly = typeof(SurveyInstrumentSeed).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => Parse(name, Read(assembly, name)))
            .ToList();
    }

    /// <summary>Reads one seed file; throws, naming the file and each broken field, when it isn't a valid instrument.</summary>
    public static SurveyInstrument Parse(string source, string json)
    {
        var file = JsonSerializer.Deserialize<SeedFile>(json, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException($"Survey seed {source} is empty.");
        var violations = new List<FieldViolation>();
        var instrumentId = SurveyInstrumentRules.ValidateInstrumentId(file.InstrumentId, violations);
        if (file.Version < 1)
        {
            violations.Add(new FieldViolation("version", "Versionen ska vara 1 eller högre."));
        }

        var questions = (file.Questions ?? []).Select((q, i) => new SurveyQuestion(q.Code ?? "", q.Text ?? "", OptionsOf(q, i, file.Scales, violations))).ToList();
        var (name, validated) = SurveyInstrumentRules.Validate(file.Name, questions, violations);
        if (violations.Count > 0)
        {
            throw new InvalidOperationException(
                $"Survey seed {source} is not a valid instrument: {string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}"))}");
        }

        return new SurveyInstrument(instrumentId!, file.Version, name!, validated, DefinedAt: null, DefinedBy: null);
    }

    // A question names a shared scale (the domain brief gives one scale to several questions) or lists its own options.
    private static List<SurveyOption> OptionsOf(SeedQuestion question, int index, Dictionary<string, List<SeedOption>>? scales, List<FieldViolation> violations)
    {
        if (question.Scale is null)
        {
            return (question.Options ?? []).Select(o => new SurveyOption(o.Code ?? "", o.Label ?? "")).ToList();
        }

        if (scales?.GetValueOrDefault(question.Scale) is not { } scale)
        {
            violations.Add(new FieldViolation($"questions[{index}].scale", $"Skalan {question.Scale} finns inte under scales."));
            return [];
        }

        return scale.Select(o => new SurveyOption(o.Code ?? "", o.Label ?? "")).ToList();
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private sealed record SeedFile(string? InstrumentId, int Version, string? Name, List<SeedQuestion>? Questions, Dictionary<string, List<SeedOption>>? Scales);

    private sealed record SeedQuestion(string? Code, string? Text, string? Scale, List<SeedOption>? Options);

    private sealed record SeedOption(string? Code, string? Label);
}
