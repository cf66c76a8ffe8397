using System.Reflection;
using System.Text.Json;
using Finsam.Activities.Application.Formats;
using Finsam.Activities.Domain.Formats;
using Finsam.Activities.Domain.Groups;
using Finsam.Activities.Domain.Leaders;
using Finsam.Platform.Errors;

namespace Finsam.Activities.Infrastructure.Seed;

/// <summary>A format the service ships with: its key (kept on the stored format) and its content.</summary>
public sealed record SeededCourseFormat(string Key, CourseFormatContent Content);

/// <summary>
/// The course formats of the domain (Infrastructure/Seed/course-formats.v1.json, embedded), stored at start when
/// absent. Each is stored with the request id "seed:" + its key, which the unique index makes a once-only insert:
/// a format already seeded, and since edited or not, is never overwritten, and two instances starting together
/// store it once. New formats in a later file get new keys.
/// </summary>
public sealed class CourseFormatSeed(ICourseFormatRepository formats, TimeProvider clock) : IHostedService
{
    public const string ResourceName = "seed/course-formats.v1.json";

    /// <summary>Stores every seeded format that is absent; returns how many were stored now.</summary>
    public async Task<int> EnsureSeededAsync(CancellationToken cancellationToken)
    {
        var stored = 0;
        foreach (var seed in Load())
        {
            var requestId = RequestIdOf(seed.Key);
            if (await formats.FindByRequestIdAsync(requestId, cancellationToken) is not null)
            {
                continue;
            }

            try
            {
                await formats.AddAsync(new CourseFormat(CourseFormat.NewId(), seed.Content, seed.Key, clock.GetUtcNow().UtcDateTime), requestId, cancellationToken);
                stored++;
            }
            catch (CourseFormatRequestIdTakenException)
            {
                // Another instance of the service seeded it first: the same file, so nothing is lost.
            }
        }

        return stored;
    }

    public Task StartAsync(CancellationToken cancellationToken) => EnsureSeededAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static string RequestIdOf(string key) => "seed:" + key;

    /// <summary>The embedded seed file, checked by the same rules as a format defined through the API.</summary>
    public static IReadOnlyList<SeededCourseFormat> Load()
    {
        var assembly = typeof(CourseFormatSeed).Assembly;
        using var stream = assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The course format seed {ResourceName} is not embedded.");
        using var reader = new StreamReader(stream);
        return Parse(ResourceName, reader.ReadToEnd());
    }

    /// <summary>Reads a seed file; throws, naming the file, the format and each broken field, when it isn't valid.</summary>
    public static IReadOnlyList<SeededCourseFormat> Parse(string source, string json)
    {
        var file = JsonSerializer.Deserialize<SeedFile>(json, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException($"Course format seed {source} is empty.");
        var seeds = new List<SeededCourseFormat>();
        foreach (var (entry, index) in (file.Formats ?? []).Select((f, i) => (f, i)))
        {
            var violations = new List<FieldViolation>();
            if (!Qualifications.IsValidToken(entry.Key))
            {
                violations.Add(new FieldViolation("key", "The key must be a lowercase token (a–z, 0–9, hyphens)."));
            }
            else if (seeds.Any(s => s.Key == entry.Key))
            {
                violations.Add(new FieldViolation("key", "The key is used twice."));
            }

            var content = CourseFormatRules.Validate(ToDraft(entry), violations);
            if (violations.Count > 0)
            {
                throw new InvalidOperationException(
                    $"Course format seed {source}, formats[{index}] ({entry.Key}), is not valid: {string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}"))}");
            }

            seeds.Add(new SeededCourseFormat(entry.Key!, content!));
        }

        return seeds;
    }

    private static CourseFormatDraft ToDraft(SeedFormat entry) => new(
        entry.Name,
        entry.Description,
        (entry.Phases ?? []).Select(p => new CourseFormatPhaseDraft(p.Name, p.Traffar, p.Weekdays ?? [], p.StartTime, p.LengthMinutes, p.Weeks)).ToList(),
        entry.MinParticipants,
        entry.MaxParticipants,
        entry.RequiredLeaderQualification,
        entry.RequiredLeaderAgencies ?? [],
        (entry.MeasurementPoints ?? []).Select(MeasurementPointOf).ToList(),
        entry.Delivery switch
        {
            "physical" => Delivery.Physical,
            "digital" => Delivery.Digital,
            _ => null,
        },
        entry.InterpreterRequired,
        entry.LateJoinUntilTraff,
        entry.CompletionMinAttendancePercent,
        entry.TraffThemes ?? [],
        entry.EvaluationStatements ?? []);

    private static MeasurementPoint? MeasurementPointOf(string? code) => code switch
    {
        "start" => MeasurementPoint.Start,
        "weekly" => MeasurementPoint.Weekly,
        "end" => MeasurementPoint.End,
        "follow-up-3-months" => MeasurementPoint.FollowUp3Months,
        _ => null,
    };

    private sealed record SeedFile(int Version, List<SeedFormat>? Formats);

    private sealed record SeedFormat(
        string? Key,
        string? Name,
        string? Description,
        List<SeedPhase>? Phases,
        int MinParticipants,
        int MaxParticipants,
        string? RequiredLeaderQualification,
        List<string>? RequiredLeaderAgencies,
        List<string?>? MeasurementPoints,
        string? Delivery,
        bool InterpreterRequired,
        int LateJoinUntilTraff,
        int CompletionMinAttendancePercent,
        List<string>? TraffThemes,
        List<string>? EvaluationStatements);

    private sealed record SeedPhase(string? Name, int Traffar, List<int>? Weekdays, string? StartTime, int LengthMinutes, int Weeks);
}
