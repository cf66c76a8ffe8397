using Finsam.Reporting.Domain.ReadModels;

namespace Finsam.Reporting.Application.Reports;

/// <summary>
/// A consistent look at the read models: <paramref name="read"/> runs while no batch of events is being applied, and
/// gets the journal sequence the model has applied up to, which the report states as its "as of".
/// </summary>
public interface IReportingModelReader
{
    Task<T> ReadAsync<T>(Func<ReportingModel, long, T> read, CancellationToken cancellationToken);
}
