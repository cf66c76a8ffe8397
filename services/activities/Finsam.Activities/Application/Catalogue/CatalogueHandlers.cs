using Finsam.Activities.Application.Access;
using Finsam.Activities.Domain;
using Finsam.IntegrationEvents.Activities.V1;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;

namespace Finsam.Activities.Application.Catalogue;

/// <summary>A new insats. The facts after <see cref="PlanDeadlineDays"/> are optional: unset means none.</summary>
public sealed record DefineInsatsCommand(string? RequestId, string? Name, InsatsKind? Kind, int BudgetedPlaces, int PlanDeadlineDays = 0) : IInsatsFacts
{
    public int FollowUpPlaces { get; init; }

    public string? TargetGroup { get; init; }

    public OutcomeTargets OutcomeTargets { get; init; } = OutcomeTargets.None;

    public DateOnly? StartDate { get; init; }

    public DateOnly? EndDate { get; init; }
}

/// <summary>Every changeable fact of an insats, replaced as sent (the kind never changes), with the etag the caller read.</summary>
public sealed record ChangeInsatsCommand(string? InsatsId, string? Etag, string? Name, int BudgetedPlaces, int PlanDeadlineDays = 0) : IInsatsFacts
{
    public int FollowUpPlaces { get; init; }

    public string? TargetGroup { get; init; }

    public OutcomeTargets OutcomeTargets { get; init; } = OutcomeTargets.None;

    public DateOnly? StartDate { get; init; }

    public DateOnly? EndDate { get; init; }
}

/// <summary>
/// The insats catalogue: define and change (administratör, insatsansvarig), look up and list (every signed-in
/// caller: the catalogue holds no personal data, and the participants service asks it about each stay).
/// </summary>
public sealed class CatalogueHandlers(IInsatsRepository repository, TimeProvider clock)
{
    public const int MaxNameLength = InsatsFacts.MaxNameLength;
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 25;
    public const string ReasonNotFound = "INSATS_NOT_FOUND";
    public const string ReasonConflict = "INSATS_CHANGED";

    public async Task<Insats> DefineAsync(Caller caller, DefineInsatsCommand command, CancellationToken cancellationToken)
    {
        ActivitiesAccess.RequireCatalogueEditor(caller);

        var violations = new List<FieldViolation>();
        var requestId = RequestIds.Parse(command.RequestId, violations);
        var facts = InsatsFacts.Validate(command, violations);
        if (command.Kind is null)
        {
            violations.Add(new FieldViolation("kind", "Ange typ av insats: individuell, gruppverksamhet, struktur eller endast antal."));
        }

        ValidationFailedException.ThrowIfAny(violations);

        if (requestId is not null && await repository.FindByRequestIdAsync(requestId, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var insats = facts!.ApplyTo(new Insats(Insats.NewId(), facts.Name, command.Kind!.Value, facts.BudgetedPlaces, now, facts.PlanDeadlineDays));
        var targets = insats.OutcomeTargets;
        var defined = new InsatsDefined(
            insats.Id,
            insats.Name,
            KindName(insats.Kind),
            insats.BudgetedPlaces,
            now,
            insats.FollowUpPlaces,
            insats.PlanDeadlineDays,
            targets.WorkOrStudiesPercent,
            targets.EnrolmentTarget,
            targets.GenderBalanceMinPercent,
            insats.StartDate,
            insats.EndDate);
        try
        {
            return await repository.AddAsync(insats, requestId ?? $"auto:{insats.Id}", [defined], cancellationToken);
        }
        catch (InsatsRequestIdTakenException) when (requestId is not null)
        {
            // A concurrent retry of the same request stored it first: answer with that one.
            return await repository.FindByRequestIdAsync(requestId, cancellationToken)
                ?? throw new InvalidOperationException("A request id was taken but its insats is missing.");
        }
    }

    /// <summary>Replaces the insats' facts if it is still at the version the caller read (stale: ABORTED), with InsatsChanged.</summary>
    public async Task<Insats> ChangeAsync(Caller caller, ChangeInsatsCommand command, CancellationToken cancellationToken)
    {
        // An insatsansvarig changes only their own insatser; a missing id can't be theirs.
        ActivitiesAccess.RequireCatalogueEditor(caller, command.InsatsId ?? "");

        var violations = new List<FieldViolation>();
        ValidateId(command.InsatsId, violations);
        var etag = Etags.Parse(command.Etag, violations);
        var facts = InsatsFacts.Validate(command, violations);
        ValidationFailedException.ThrowIfAny(violations);

        var stored = await repository.GetAsync(command.InsatsId!, cancellationToken)
            ?? throw new NotFoundException(ReasonNotFound, "Insatsen finns inte.");
        Etags.EnsureCurrent(etag!.Value, stored.Version, ReasonConflict, "Insatsen");

        var now = clock.GetUtcNow().UtcDateTime;
        var changed = facts!.ApplyTo(stored);
        var targets = changed.OutcomeTargets;
        var changedEvent = new InsatsChanged(
            changed.Id,
            changed.Name,
            KindName(changed.Kind),
            changed.BudgetedPlaces,
            changed.FollowUpPlaces,
            changed.PlanDeadlineDays,
            targets.WorkOrStudiesPercent,
            targets.EnrolmentTarget,
            targets.GenderBalanceMinPercent,
            changed.StartDate,
            changed.EndDate,
            now);
        return await repository.TrySaveAsync(changed, caller.Subject, now, [changedEvent], cancellationToken)
            ?? throw new ConcurrencyConflictException(ReasonConflict, "Insatsen har ändrats sedan du läste den. Läs om och försök igen.");
    }

    public async Task<Insats> GetAsync(string? insatsId, CancellationToken cancellationToken)
    {
        var violations = new List<FieldViolation>();
        ValidateId(insatsId, violations);
        ValidationFailedException.ThrowIfAny(violations);

        return await repository.GetAsync(insatsId!, cancellationToken)
            ?? throw new NotFoundException(ReasonNotFound, "Insatsen finns inte.");
    }

    /// <summary>The page token is the last id of the previous page: stable while insatser are added.</summary>
    public async Task<(IReadOnlyList<Insats> Page, string? NextPageToken)> ListAsync(int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        var size = Paging.Validate(pageSize, pageToken, MaxPageSize, DefaultPageSize);
        var page = await repository.ListAsync(string.IsNullOrEmpty(pageToken) ? null : pageToken, size + 1, cancellationToken);
        return Paging.Cut(page, size, i => i.Id);
    }

    public static string KindName(InsatsKind kind) => kind switch
    {
        InsatsKind.Individual => "individual",
        InsatsKind.GroupCourse => "group-course",
        InsatsKind.Structural => "structural",
        _ => "count-only",
    };

    private static void ValidateId(string? insatsId, List<FieldViolation> violations)
    {
        if (string.IsNullOrWhiteSpace(insatsId) || insatsId.Length > 64)
        {
            violations.Add(new FieldViolation("insats_id", "Insats-id saknas eller är för långt."));
        }
    }
}
