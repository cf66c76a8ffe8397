namespace Finsam.Reporting.Application.Frozen;

/// <summary>Frozen reports, at most one per scope (förbund or insats) and year.</summary>
public interface IFrozenReportStore
{
    /// <summary>Keeps the report; false (and nothing written) when that scope and year is frozen already.</summary>
    Task<bool> TryAddAsync(FrozenReport report, CancellationToken cancellationToken);

    Task<FrozenReport?> GetAsync(string frozenReportId, CancellationToken cancellationToken);

    /// <summary>Every frozen report of <paramref name="year"/> (0: all), by year then scope.</summary>
    Task<IReadOnlyList<FrozenReportHeader>> ListAsync(int year, CancellationToken cancellationToken);
}
