using Finsam.IntegrationEvents;
using Finsam.IntegrationEvents.Activities.V1;
using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Reporting.Domain.ReadModels;
using Finsam.Reporting.Domain.Reports;
using Finsam.Reporting.Domain.Stays;
using static Finsam.UnitTests.Reporting.Stays.StayEvents;

namespace Finsam.UnitTests.Reporting.Reports;

/// <summary>Builds a whole reporting model from a hand-written history, as the projector would, for the book-fed sections.</summary>
internal static class BookSectionModel
{
    public static ReportingModel Model(IEnumerable<IIntegrationEvent> events)
    {
        var model = new ReportingModel();
        var changed = new Dictionary<string, ISet<string>>(StringComparer.Ordinal);
        foreach (var integrationEvent in events)
        {
            model.Apply(integrationEvent, changed);
        }

        return model;
    }

    public static ReportInput Input(ReportingModel model, string? insats, int year, ReportSettings? settings = null) =>
        new(model, insats, ReportPeriod.Year(year), settings ?? new ReportSettings());

    public static InsatsDefined Insats(
        string id, int planDeadlineDays = 0, int? enrolmentTarget = null, int? genderBalanceMinPercent = null, int? workOrStudiesTargetPercent = null, string kind = "individual") =>
        new(id, $"Insats {id}", kind, 10, At(0), 0, planDeadlineDays, workOrStudiesTargetPercent, enrolmentTarget, genderBalanceMinPercent);

    /// <summary>A stay with the given gender (StayEvents' builder is always a woman).</summary>
    public static EnrolmentStarted Stay(string enrolmentId, string? participantId, string start, string insats = "X", string gender = "woman") =>
        new(enrolmentId, participantId, insats, D(start), participantId is null, gender, participantId is null ? null : 1980, "30-34",
            ["forsorjningsstod"], "arbetslos", "gymnasium", 3, "fk", At(0));
}
