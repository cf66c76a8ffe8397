using System.Globalization;
using Finsam.Testing;
using Finsam.Testing.Reporting;

namespace Finsam.Benchmarks;

/// <summary>The scale run's options; everything has a default, so <c>--scale</c> alone is the run.</summary>
/// <param name="Fraction">Scales every count of <see cref="HistoryShape.Benchmark"/> (1: the size); for trying the run out.</param>
/// <param name="Directory">Where the LiteDB file goes: a fresh folder under it, removed at the end unless <see cref="Keep"/>.</param>
/// <param name="Output">The results table (markdown); null: only printed. A fraction below 1 writes nowhere unless asked.</param>
/// <param name="SaveJournal">Copy the filled LiteDB file here (before the rebuild), to be reused with <see cref="Journal"/>.</param>
/// <param name="Journal">A file saved by <see cref="SaveJournal"/> (same shape and seed): copied instead of filling, which saves the fill's minutes.</param>
internal sealed record ScaleOptions(int Seed, int? Year, int Runs, double Fraction, string Directory, bool Keep, string? Output, string? SaveJournal = null, string? Journal = null)
{
    public HistoryShape Shape => Fraction >= 1
        ? HistoryShape.Benchmark
        : HistoryShape.Benchmark with
        {
            Participants = Scaled(HistoryShape.Benchmark.Participants),
            Enrolments = Scaled(HistoryShape.Benchmark.Enrolments),
            Groups = Scaled(HistoryShape.Benchmark.Groups),
            AttendanceRecords = Scaled(HistoryShape.Benchmark.AttendanceRecords),
        };

    private int Scaled(int count) => Math.Max(1, (int)Math.Round(count * Fraction));

    public static ScaleOptions Parse(string[] args)
    {
        var options = new ScaleOptions(BenchmarkModel.DefaultSeed, null, 7, 1.0, Path.GetTempPath(), false,
            Path.Combine(RepositoryPaths.Root, "benchmarks", "results", "reporting-scale.md"));
        var outputGiven = false;
        for (var i = 0; i < args.Length; i++)
        {
            var flag = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{flag} needs a value.");
            outputGiven |= flag == "--out";
            options = flag switch
            {
                "--seed" => options with { Seed = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--year" => options with { Year = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--runs" => options with { Runs = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--fraction" => options with { Fraction = double.Parse(Value(), CultureInfo.InvariantCulture) },
                "--dir" => options with { Directory = Value() },
                "--keep" => options with { Keep = true },
                "--save-journal" => options with { SaveJournal = Value() },
                "--journal" => options with { Journal = Value() },
                "--out" => options with { Output = Value() },
                _ => throw new ArgumentException($"Unknown option {flag}."),
            };
        }

        // A trial at a fraction of the size must not overwrite the committed full-size results by accident.
        return options.Fraction < 1 && !outputGiven ? options with { Output = null } : options;
    }
}
