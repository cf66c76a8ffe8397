using Finsam.Participants.Application.Access;
using Finsam.Platform.Ids;
using Finsam.Platform.Storage;

namespace Finsam.Participants.Infrastructure;

/// <summary>
/// The access log in its own collection. This class only inserts and reads: nothing in the service can
/// change or remove an entry. Retention (at least 5 years) is the store's backup and gallring policy.
/// </summary>
public sealed class DocumentAccessLog(IDocumentStore store, TimeProvider clock) : IAccessLog
{
    public const string CollectionName = "access_log";

    private readonly IDocumentCollection<AccessLogDocument> _entries = store.Collection<AccessLogDocument>(CollectionName);

    public static Task EnsureIndexesAsync(IDocumentStore store, CancellationToken cancellationToken) =>
        store.Collection<AccessLogDocument>(CollectionName).EnsureIndexAsync(nameof(AccessLogDocument.ParticipantId), unique: false, cancellationToken);

    public Task RecordAsync(AccessContext context, string action, string participantId, AccessOutcome outcome, CancellationToken cancellationToken) =>
        // Not cancellable: once the decision is made, its log entry is written even if the caller hangs up.
        _entries.InsertAsync(
            new AccessLogDocument
            {
                Id = SequentialIds.Next(),
                At = clock.GetUtcNow().UtcDateTime,
                Subject = context.Caller.Subject,
                Role = context.Caller.Role,
                Agency = context.Caller.Agency,
                Action = action,
                ParticipantId = participantId,
                Purpose = context.Purpose,
                Outcome = outcome == AccessOutcome.Allowed ? "allowed" : "denied",
            },
            CancellationToken.None);

    public async Task<IReadOnlyList<AccessLogEntry>> ListForParticipantAsync(string participantId, CancellationToken cancellationToken)
    {
        var found = await _entries.FindAsync(e => e.ParticipantId == participantId, cancellationToken: cancellationToken);
        return found
            .OrderBy(e => e.Id, StringComparer.Ordinal) // ids are in the order entries were written
            .Select(e => new AccessLogEntry(
                e.Id,
                DocumentMapping.Utc(e.At),
                e.Subject,
                e.Role,
                e.Agency,
                e.Action,
                e.ParticipantId,
                e.Purpose,
                e.Outcome == "allowed" ? AccessOutcome.Allowed : AccessOutcome.Denied))
            .ToList();
    }
}

public sealed class AccessLogDocument : Platform.Storage.IDocument
{
    public string Id { get; set; } = "";

    public long Version { get; set; }

    public DateTime At { get; set; }

    public string Subject { get; set; } = "";

    public string Role { get; set; } = "";

    public string? Agency { get; set; }

    public string Action { get; set; } = "";

    public string ParticipantId { get; set; } = "";

    public string Purpose { get; set; } = "";

    public string Outcome { get; set; } = "";
}
