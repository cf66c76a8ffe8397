namespace Finsam.Participants.Application.Catalogue;

/// <summary>
/// The insats catalogue, owned by the activities service and asked over gRPC: participants keeps no copy,
/// so budgeted places and plan deadlines are always the catalogue's current ones.
/// </summary>
public interface IInsatsCatalogue
{
    /// <summary>Null when no such insats exists. Throws <see cref="Platform.Errors.ServiceUnavailableException"/> when the catalogue can't be reached.</summary>
    Task<InsatsInfo?> GetAsync(string insatsId, CancellationToken cancellationToken);
}

/// <param name="Kind">"individual", "group-course", "structural" or "count-only".</param>
/// <param name="PlanDeadlineDays">Null: the insats sets no plan deadline.</param>
public sealed record InsatsInfo(string Id, string Name, string Kind, int BudgetedPlaces, int? PlanDeadlineDays)
{
    /// <summary>Structural and count-only insatser have no participants of their own.</summary>
    public bool EnrolsParticipants => Kind is "individual" or "group-course";
}
