using Finsam.Activities.Domain.Leaders;

namespace Finsam.Activities.Application.Leaders;

/// <summary>The leader registry's storage port.</summary>
public interface ILeaderRegistry
{
    /// <summary>Registers the leader or replaces their entry.</summary>
    Task UpsertAsync(Leader leader, CancellationToken cancellationToken);

    Task<Leader?> GetAsync(string subject, CancellationToken cancellationToken);

    /// <summary>Leaders in subject order after <paramref name="afterSubject"/>.</summary>
    Task<IReadOnlyList<Leader>> ListAsync(string? afterSubject, int limit, CancellationToken cancellationToken);
}
