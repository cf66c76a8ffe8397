using Finsam.Participants.Application.Gallring;
using Finsam.Platform.Storage;
using static Finsam.Participants.Infrastructure.DocumentMapping;
using static Finsam.Platform.Time.IsoDates;

namespace Finsam.Participants.Infrastructure.Gallring;

/// <summary>Gallring rules (id = insats id) and runs, each in its own collection.</summary>
public sealed class DocumentGallringStore(IDocumentStore store) : IGallringStore
{
    public const string RulesCollection = "gallring_rules";
    public const string RunsCollection = "gallring_runs";

    private readonly IDocumentCollection<GallringRuleDocument> _rules = store.Collection<GallringRuleDocument>(RulesCollection);
    private readonly IDocumentCollection<GallringRunDocument> _runs = store.Collection<GallringRunDocument>(RunsCollection);

    public Task SetRuleAsync(GallringRule rule, CancellationToken cancellationToken) =>
        // A rule is configuration, replaced as a whole; who set it last is kept on it.
        _rules.UpsertAsync(
            new GallringRuleDocument { Id = rule.InsatsId, YearsAfterLastEnd = rule.YearsAfterLastEnd, SetBy = rule.SetBy, SetAt = rule.SetAt },
            cancellationToken);

    public async Task<IReadOnlyList<GallringRule>> ListRulesAsync(CancellationToken cancellationToken) =>
        (await _rules.ListAfterAsync(null, 10_000, cancellationToken))
            .Select(d => new GallringRule(d.Id, d.YearsAfterLastEnd, d.SetBy, Utc(d.SetAt)))
            .ToList();

    public Task AddRunAsync(GallringRun run, CancellationToken cancellationToken) => _runs.InsertAsync(ToDocument(run), cancellationToken);

    public async Task<GallringRun?> GetRunAsync(string runId, CancellationToken cancellationToken) =>
        await _runs.GetAsync(runId, cancellationToken) is { } d
            ? new GallringRun
            {
                Id = d.Id,
                AsOf = FromIso(d.AsOf),
                CreatedBy = d.CreatedBy,
                CreatedAt = Utc(d.CreatedAt),
                Candidates = d.Candidates
                    .Select(c => new GallringCandidate(c.ParticipantId, FromIso(c.LastEnd), FromIso(c.DueOn), c.Insatser))
                    .ToList(),
                ExecutedAt = d.ExecutedAt is { } at ? Utc(at) : null,
                ExecutedBy = d.ExecutedBy,
                Removed = d.Removed,
                Version = d.Version,
            }
            : null;

    public Task<bool> SaveRunAsync(GallringRun run, CancellationToken cancellationToken) =>
        _runs.ReplaceAsync(ToDocument(run), run.Version, cancellationToken);

    private static GallringRunDocument ToDocument(GallringRun run) => new()
    {
        Id = run.Id,
        AsOf = ToIso(run.AsOf),
        CreatedBy = run.CreatedBy,
        CreatedAt = run.CreatedAt,
        Candidates = run.Candidates.Select(c => new GallringCandidateDocument
        {
            ParticipantId = c.ParticipantId,
            LastEnd = ToIso(c.LastEnd),
            DueOn = ToIso(c.DueOn),
            Insatser = [.. c.Insatser],
        }).ToList(),
        ExecutedAt = run.ExecutedAt,
        ExecutedBy = run.ExecutedBy,
        Removed = run.Removed,
    };
}

public sealed class GallringRuleDocument : IDocument
{
    public string Id { get; set; } = "";

    public long Version { get; set; }

    public int YearsAfterLastEnd { get; set; }

    public string SetBy { get; set; } = "";

    public DateTime SetAt { get; set; }
}

public sealed class GallringRunDocument : IDocument
{
    public string Id { get; set; } = "";

    public long Version { get; set; }

    public string AsOf { get; set; } = "";

    public string CreatedBy { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public List<GallringCandidateDocument> Candidates { get; set; } = [];

    public DateTime? ExecutedAt { get; set; }

    public string? ExecutedBy { get; set; }

    public List<string> Removed { get; set; } = [];
}

public sealed class GallringCandidateDocument
{
    public string ParticipantId { get; set; } = "";

    public string LastEnd { get; set; } = "";

    public string DueOn { get; set; } = "";

    public List<string> Insatser { get; set; } = [];
}
