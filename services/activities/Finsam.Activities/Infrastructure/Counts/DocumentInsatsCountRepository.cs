using Finsam.Activities.Application.Counts;
using Finsam.Activities.Domain.Counts;
using Finsam.IntegrationEvents;
using Finsam.Platform.Outbox;
using Finsam.Platform.Storage;
using Finsam.Platform.Time;

namespace Finsam.Activities.Infrastructure.Counts;

public sealed class DocumentInsatsCountRepository(IDocumentStore store, OutboxSignal outboxSignal) : IInsatsCountRepository
{
    private readonly IDocumentCollection<InsatsCountDocument> _counts = store.Collection<InsatsCountDocument>(InsatsCountDocument.CollectionName);
    private readonly OutboxWrites<InsatsCountDocument> _writes = new(store.Collection<InsatsCountDocument>(InsatsCountDocument.CollectionName), outboxSignal);

    public static async Task EnsureIndexesAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        var counts = store.Collection<InsatsCountDocument>(InsatsCountDocument.CollectionName);
        await counts.EnsureIndexAsync(nameof(InsatsCountDocument.RequestKey), unique: true, cancellationToken);
        await counts.EnsureIndexAsync(nameof(InsatsCountDocument.InsatsId), unique: false, cancellationToken);
        await counts.EnsureIndexAsync(nameof(InsatsCountDocument.OutboxPending), unique: false, cancellationToken);
    }

    public async Task<InsatsCountRegistration> AddAsync(
        InsatsCountRegistration registration, string requestKey, IReadOnlyList<IIntegrationEvent> events, CancellationToken cancellationToken)
    {
        var document = new InsatsCountDocument
        {
            Id = registration.Id,
            InsatsId = registration.InsatsId,
            RegisteredBy = registration.RegisteredBy,
            RegisteredAt = registration.RegisteredAt,
            RequestKey = requestKey,
        };
        CopyValues(registration, document);
        var version = await _writes.InsertWithEventsAsync(
            document,
            events,
            duplicate => duplicate.Index == nameof(InsatsCountDocument.RequestKey) ? new CountRequestIdTakenException() : null,
            cancellationToken);
        return registration with { Version = version };
    }

    public async Task<InsatsCountRegistration?> GetAsync(string registrationId, CancellationToken cancellationToken) =>
        ToDomain(await _counts.GetAsync(registrationId, cancellationToken));

    public async Task<InsatsCountRegistration?> FindByRequestKeyAsync(string requestKey, CancellationToken cancellationToken) =>
        ToDomain((await _counts.FindAsync(c => c.RequestKey == requestKey, 1, cancellationToken)).FirstOrDefault());

    public async Task<IReadOnlyList<InsatsCountRegistration>> ListByInsatsAsync(string insatsId, string? afterId, CancellationToken cancellationToken)
    {
        // An insats registers per day, week or month: hundreds over its life, so ordering the indexed match here is enough.
        var found = await _counts.FindAsync(c => c.InsatsId == insatsId, int.MaxValue, cancellationToken);
        return found
            .Where(c => afterId is null || string.CompareOrdinal(c.Id, afterId) > 0)
            .OrderBy(c => c.Id, StringComparer.Ordinal)
            .Select(c => ToDomain(c)!)
            .ToList();
    }

    public async Task<InsatsCountRegistration?> TrySaveAsync(
        InsatsCountRegistration registration, IReadOnlyList<IIntegrationEvent> events, CancellationToken cancellationToken)
    {
        try
        {
            var version = await _writes.ReplaceWithEventsAsync(
                registration.Id,
                registration.Version,
                document => CopyValues(registration, document),
                events,
                () => new StaleRegistrationException(),
                cancellationToken);
            return registration with { Version = version };
        }
        catch (StaleRegistrationException)
        {
            return null;
        }
    }

    // The insats, who registered, when and the request key are set once; period, counts and corrections change.
    private static void CopyValues(InsatsCountRegistration registration, InsatsCountDocument document)
    {
        document.PeriodFrom = IsoDates.ToIso(registration.PeriodFrom);
        document.PeriodTo = IsoDates.ToIso(registration.PeriodTo);
        document.Women = registration.Counts.Women;
        document.Men = registration.Counts.Men;
        document.Other = registration.Counts.Other;
        document.Corrections = registration.Corrections
            .Select(c => new InsatsCountCorrectionDocument
            {
                PreviousPeriodFrom = IsoDates.ToIso(c.PreviousPeriodFrom),
                PreviousPeriodTo = IsoDates.ToIso(c.PreviousPeriodTo),
                PreviousWomen = c.PreviousCounts.Women,
                PreviousMen = c.PreviousCounts.Men,
                PreviousOther = c.PreviousCounts.Other,
                CorrectedBy = c.CorrectedBy,
                CorrectedAt = c.CorrectedAt,
                Reason = c.Reason,
            })
            .ToList();
    }

    private static InsatsCountRegistration? ToDomain(InsatsCountDocument? document) => document is null
        ? null
        : new InsatsCountRegistration(
            document.Id,
            document.InsatsId,
            IsoDates.FromIso(document.PeriodFrom),
            IsoDates.FromIso(document.PeriodTo),
            new CountsByGender(document.Women, document.Men, document.Other),
            document.RegisteredBy,
            Utc(document.RegisteredAt))
        {
            Corrections = document.Corrections
                .Select(c => new InsatsCountCorrection(
                    IsoDates.FromIso(c.PreviousPeriodFrom),
                    IsoDates.FromIso(c.PreviousPeriodTo),
                    new CountsByGender(c.PreviousWomen, c.PreviousMen, c.PreviousOther),
                    c.CorrectedBy,
                    Utc(c.CorrectedAt),
                    c.Reason))
                .ToList(),
            Version = document.Version,
        };

    private static DateTime Utc(DateTime stored) => DateTime.SpecifyKind(stored.ToUniversalTime(), DateTimeKind.Utc);

    // Only to carry "someone was first" out of OutboxWrites, whose conflict is an exception; the port says null.
    private sealed class StaleRegistrationException : Exception;
}
