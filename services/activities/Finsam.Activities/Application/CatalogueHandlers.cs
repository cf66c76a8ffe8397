using Finsam.Activities.Domain;
using Finsam.IntegrationEvents.Activities.V1;
using Finsam.Platform.Errors;

namespace Finsam.Activities.Application;

public sealed record DefineInsatsCommand(string? RequestId, string? Name, InsatsKind? Kind, int BudgetedPlaces, int PlanDeadlineDays = 0);

/// <summary>The insats catalogue: define, look up, list.</summary>
public sealed class CatalogueHandlers(IInsatsRepository repository, TimeProvider clock)
{
    public const int MaxNameLength = 200;
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 25;
    public const string ReasonNotFound = "INSATS_NOT_FOUND";

    public async Task<Insats> DefineAsync(DefineInsatsCommand command, CancellationToken cancellationToken)
    {
        var violations = new List<FieldViolation>();
        var requestId = RequestIds.Parse(command.RequestId, violations);

        var name = command.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            violations.Add(new FieldViolation("name", "Insatsens namn saknas."));
        }
        else if (name.Length > MaxNameLength || name.Any(char.IsControl))
        {
            violations.Add(new FieldViolation("name", $"Insatsens namn får vara högst {MaxNameLength} tecken, utan styrtecken."));
        }

        if (command.Kind is null)
        {
            violations.Add(new FieldViolation("kind", "Ange typ av insats: individuell, gruppverksamhet, struktur eller endast antal."));
        }

        if (command.BudgetedPlaces is < 0 or > 10_000)
        {
            violations.Add(new FieldViolation("budgeted_places", "Budgeterade platser ska vara mellan 0 och 10 000."));
        }

        if (command.PlanDeadlineDays is < 0 or > 365)
        {
            violations.Add(new FieldViolation("plan_deadline_days", "Tidsgränsen för plan ska vara mellan 0 och 365 dagar (0 = ingen)."));
        }

        if (violations.Count > 0)
        {
            throw new ValidationFailedException(violations);
        }

        if (requestId is not null && await repository.FindByRequestIdAsync(requestId, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var insats = new Insats(Insats.NewId(), name, command.Kind!.Value, command.BudgetedPlaces, now, command.PlanDeadlineDays);
        var defined = new InsatsDefined(insats.Id, insats.Name, KindName(insats.Kind), insats.BudgetedPlaces, now);
        try
        {
            await repository.AddAsync(insats, requestId ?? $"auto:{insats.Id}", [defined], cancellationToken);
            return insats;
        }
        catch (InsatsRequestIdTakenException) when (requestId is not null)
        {
            return await repository.FindByRequestIdAsync(requestId, cancellationToken)
                ?? throw new InvalidOperationException("A request id was taken but its insats is missing.");
        }
    }

    public async Task<Insats> GetAsync(string? insatsId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(insatsId) || insatsId.Length > 64)
        {
            throw new ValidationFailedException([new FieldViolation("insats_id", "Insats-id saknas eller är för långt.")]);
        }

        return await repository.GetAsync(insatsId, cancellationToken)
            ?? throw new NotFoundException(ReasonNotFound, "Insatsen finns inte.");
    }

    /// <summary>The page token is the last id of the previous page: stable while insatser are added.</summary>
    public async Task<(IReadOnlyList<Insats> Page, string? NextPageToken)> ListAsync(int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        if (pageSize is < 0 or > MaxPageSize)
        {
            throw new ValidationFailedException([new FieldViolation("page_size", $"page_size ska vara mellan 0 och {MaxPageSize}.")]);
        }

        if (!string.IsNullOrEmpty(pageToken) && !Guid.TryParse(pageToken, out _))
        {
            throw new ValidationFailedException([new FieldViolation("page_token", "page_token är ogiltig.")]);
        }

        var size = pageSize == 0 ? DefaultPageSize : pageSize;
        var page = await repository.ListAsync(string.IsNullOrEmpty(pageToken) ? null : pageToken, size + 1, cancellationToken);
        return page.Count > size ? (page.Take(size).ToList(), page[size - 1].Id) : (page, null);
    }

    public static string KindName(InsatsKind kind) => kind switch
    {
        InsatsKind.Individual => "individual",
        InsatsKind.GroupCourse => "group-course",
        InsatsKind.Structural => "structural",
        _ => "count-only",
    };
}
