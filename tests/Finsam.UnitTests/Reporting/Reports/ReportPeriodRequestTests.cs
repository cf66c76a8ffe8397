using Finsam.Platform.Errors;
using Finsam.Reporting.Application.Reports;
using Finsam.Reporting.Domain.Stays;

namespace Finsam.UnitTests.Reporting.Reports;

/// <summary>A year or period the data can't answer, or a malformed one, is refused naming the field — never an empty report.</summary>
public sealed class ReportPeriodRequestTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    private static ReportHistory History() => new ReportHistory()
        .Insats("old", name: "Gamla teamet")
        .Insats("new", name: "Nya teamet")
        .Insats("halsa", name: "Hälsoskolan", kind: "count-only", places: 0)
        .Enrol("e1", "p1", "2019-03-01", insats: "old")
        .Enrol("e2", "p2", "2025-02-01", insats: "new");

    [Theory]
    [InlineData(0, "", "", "year")]
    [InlineData(1800, "", "", "year")]
    [InlineData(2025, "2025-01-01", "", "year")]
    [InlineData(0, "2025-13-01", "2025-12-31", "from")]
    [InlineData(0, "2025-01-01", "31/12/2025", "to")]
    [InlineData(0, "2025-06-01", "2025-01-01", "to")]
    [InlineData(0, "2010-01-01", "2025-01-01", "to")]
    [InlineData(0, "9999-01-01", "9999-12-31", "from")]
    [InlineData(0, "2025-01-01", "9999-12-31", "to")]
    public void A_malformed_year_or_period_names_its_field(int year, string from, string to, string field)
    {
        var violations = new List<FieldViolation>();

        Assert.Null(ReportPeriodRequest.Parse(year, from, to, violations));
        Assert.Equal([field], violations.Select(v => v.Field));
    }

    [Fact]
    public void An_insats_is_reported_from_its_own_first_day_not_the_forbunds()
    {
        var model = History().Model();
        var violations = new List<FieldViolation>();

        ReportPeriodRequest.CheckAgainstData(model, "new", ReportPeriod.Year(2019), Today, violations);
        ReportPeriodRequest.CheckAgainstData(model, null, ReportPeriod.Year(2019), Today, violations);
        ReportPeriodRequest.CheckAgainstData(model, "old", ReportPeriod.Year(2019), Today, violations);

        var refused = Assert.Single(violations);
        Assert.Equal("year", refused.Field);
        Assert.Contains("insatsen", refused.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_and_count_only_insatser_and_a_future_year_are_refused()
    {
        var model = History().Model();

        Assert.Equal(["insats_id"], Check(model, "ghost", ReportPeriod.Year(2025)));
        Assert.Equal(["insats_id"], Check(model, "halsa", ReportPeriod.Year(2025)));
        Assert.Equal(["year"], Check(model, null, ReportPeriod.Year(2027)));
        Assert.Equal(["year"], Check(new ReportHistory().Model(), null, ReportPeriod.Year(2025)));
        Assert.Empty(Check(model, null, ReportPeriod.Year(2026)));
    }

    private static List<string> Check(Finsam.Reporting.Domain.ReadModels.ReportingModel model, string? insatsId, ReportPeriod period)
    {
        var violations = new List<FieldViolation>();
        ReportPeriodRequest.CheckAgainstData(model, insatsId, period, Today, violations);
        return [.. violations.Select(v => v.Field)];
    }
}
