using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Reporting.Domain.Reports;
using Finsam.Reporting.Domain.Reports.Sections;
using static Finsam.UnitTests.Reporting.Reports.ReportRows;

namespace Finsam.UnitTests.Reporting.Reports;

public sealed class ProfileTests
{
    private static readonly ReportSettings Settings = new()
    {
        AgeBandsByInsats = new Dictionary<string, IReadOnlyList<string>> { ["ips"] = ["15-29", "30-44", "45-64", "65+"] },
    };

    // Ended in 2025 (not anonymous):
    //   e1 p1 woman, 20-24, grundskola, 1 year, [försörjningsstöd, sjukpenning], 15 Jan–14 Apr 2025: 2 months, 89 days, [arbete-heltid, studier]
    //   e2 p2 man,   45-49, no level,   12 years, [sjukpenning], 1 Jun 2024–1 Jun 2025: 12 months, 365 days, [sjukdom]
    //   e3 p3 woman corrected to other, 60-64, högskola, 10 years, [a-kassa], 31 Jan 2023–28 Feb 2025: 25 months, 759 days, [flytt]
    //   e4 p1 again, 25-29, gymnasium, no years, [försörjningsstöd], 1 May–1 May 2025: 0 months, 0 days, [arbete-heltid] corrected to [utan-matning]
    // Not counted: e5 anonymous, e6 running, e7 an ending whose start never arrived.
    private static ReportHistory History() => new ReportHistory()
        .Insats("ips")
        .Person("p1", "woman").Person("p2", "man").Person("p3", "woman")
        .Enrol("e1", "p1", "2025-01-15", ageBand: "20-24", education: "grundskola", yearsInSupport: 1, forsorjning: ["forsorjningsstod", "sjukpenning"])
        .End("e1", "2025-04-14", reasons: ["arbete-heltid", "studier"])
        .Enrol("e2", "p2", "2024-06-01", gender: "man", ageBand: "45-49", education: null, yearsInSupport: 12, forsorjning: ["sjukpenning"])
        .End("e2", "2025-06-01", reasons: ["sjukdom"])
        .Enrol("e3", "p3", "2023-01-31", ageBand: "60-64", education: "hogskola", yearsInSupport: 10, forsorjning: ["a-kassa"])
        .End("e3", "2025-02-28", reasons: ["flytt"])
        .Enrol("e4", "p1", "2025-05-01", ageBand: "25-29", education: "gymnasium", yearsInSupport: null, forsorjning: ["forsorjningsstod"])
        .End("e4", "2025-05-01", reasons: ["arbete-heltid"])
        .EnrolAnonymous("e5", "2025-01-01", ageBand: "30-34").End("e5", "2025-03-01", reasons: ["studier"])
        .Enrol("e6", "p4", "2025-02-01", ageBand: "35-39")
        .End("e7", "2025-04-01", reasons: ["ovrigt"])
        .CorrectEnd("e4", "2025-05-01", reasons: ["utan-matning"])
        .CorrectPerson("p3", "other");

    [Fact]
    public void Gender_age_and_education_of_the_ended_in_the_insats_bands()
    {
        var profile = ProfileCalculator.Compute(History().ForInsats("ips", 2025, Settings));

        Assert.Equal(4, profile.Ended.Value);
        Assert.Equal([("woman", 2), ("man", 1), ("other", 1)], Counts(profile.Gender));
        Assert.Equal(["Kvinnor", "Män", "Annat"], profile.Gender.Rows.Select(r => r.Label));
        Assert.Equal([50.0m, 25.0m, 25.0m], profile.Gender.Rows.Select(r => r.Percent));
        Assert.Equal([("15-29", 2), ("30-44", 0), ("45-64", 2), ("65+", 0)], Counts(profile.AgeBands));
        Assert.Equal(["15–29 år", "30–44 år", "45–64 år", "65 år och äldre"], profile.AgeBands.Rows.Select(r => r.Label));
        Assert.Equal(
            [("grundskola", 1), ("gymnasium", 1), ("eftergymnasial-under-3-ar", 0), ("hogskola", 1), ("annan", 0), ("okand", 1)],
            Counts(profile.Education));
        Assert.Equal("Okänd", Row(profile.Education, "okand").Label);
        Assert.Equal(4, profile.Education.Denominator.Value);
        Assert.Equal("avslutade under året", profile.Education.DenominatorLabel);
        Assert.False(profile.Education.MultiValued);
    }

    [Fact]
    public void Years_in_support_over_those_with_a_value_and_how_many_above_the_threshold()
    {
        var profile = ProfileCalculator.Compute(History().ForInsats("ips", 2025, Settings));

        Assert.Equal((3, 1m, 12m, 7.7m), Numbers(profile.YearsInSupport));
        Assert.Equal(9, profile.YearsInSupportThreshold);
        Assert.Equal(2, profile.YearsInSupportAboveThreshold.Value);
    }

    [Fact]
    public void A_corrected_years_in_support_and_a_threshold_from_the_settings_count_as_they_now_stand()
    {
        var history = History().CorrectStart("e2", yearsInSupport: 9);
        var settings = new ReportSettings { YearsInSupportThreshold = 8, AgeBandsByInsats = Settings.AgeBandsByInsats };

        var profile = ProfileCalculator.Compute(history.ForInsats("ips", 2025, settings));

        Assert.Equal((3, 1m, 10m, 6.7m), Numbers(profile.YearsInSupport));
        Assert.Equal(8, profile.YearsInSupportThreshold);
        Assert.Equal(2, profile.YearsInSupportAboveThreshold.Value); // 9 and 10
    }

    [Fact]
    public void Multi_valued_forsorjning_and_end_reasons_sum_to_more_than_the_ended()
    {
        var profile = ProfileCalculator.Compute(History().ForInsats("ips", 2025, Settings));

        Assert.True(profile.ForsorjningAtStart.MultiValued);
        Assert.Equal(ParticipantCodes.Forsorjning.Keys, profile.ForsorjningAtStart.Rows.Select(r => r.Code));
        Assert.Equal(2, Row(profile.ForsorjningAtStart, "forsorjningsstod").Count.Value);
        Assert.Equal(50.0m, Row(profile.ForsorjningAtStart, "forsorjningsstod").Percent);
        Assert.Equal(2, Row(profile.ForsorjningAtStart, "sjukpenning").Count.Value);
        Assert.Equal(1, Row(profile.ForsorjningAtStart, "a-kassa").Count.Value);
        Assert.Equal(5, profile.ForsorjningAtStart.Rows.Sum(r => r.Count.Value));

        Assert.True(profile.EndReasons.MultiValued);
        Assert.Equal(ParticipantCodes.EndReasons.Keys, profile.EndReasons.Rows.Select(r => r.Code));
        var nonZero = profile.EndReasons.Rows.Where(r => r.Count.Value > 0).Select(r => (r.Code, r.Count.Value));
        Assert.Equal([("arbete-heltid", 1), ("studier", 1), ("sjukdom", 1), ("flytt", 1), ("utan-matning", 1)], nonZero);
    }

    [Fact]
    public void A_code_the_list_does_not_know_is_kept_after_the_known_ones_rather_than_dropped()
    {
        var history = History().CorrectEnd("e2", "2025-06-01", reasons: ["arbete", "sjukdom"]);

        var reasons = ProfileCalculator.Compute(history.ForInsats("ips", 2025, Settings)).EndReasons;

        Assert.Equal(("arbete", "arbete", 1), (reasons.Rows[^1].Code, reasons.Rows[^1].Label, reasons.Rows[^1].Count.Value));
        Assert.Equal(ParticipantCodes.EndReasons.Count + 1, reasons.Rows.Count);
        Assert.Equal(1, Row(reasons, "sjukdom").Count.Value);
    }

    [Fact]
    public void Time_in_insats_in_whole_months_days_and_bands()
    {
        var profile = ProfileCalculator.Compute(History().ForInsats("ips", 2025, Settings));

        Assert.Equal((4, 0m, 25m, 9.8m), Numbers(profile.MonthsInInsats));
        Assert.Equal((4, 0m, 759m, 303.3m), Numbers(profile.DaysInInsats));
        Assert.Equal(
            [("0-3", 2), ("4-6", 0), ("7-9", 0), ("10-12", 1), ("13-15", 0), ("16-18", 0), ("19-24", 0), ("25+", 1)],
            Counts(profile.TimeInInsatsBands));
        Assert.Equal(["≤3 mån", "4–6 mån", "7–9 mån", "10–12 mån", "13–15 mån", "16–18 mån", "19–24 mån", "Mer än 24 mån"],
            profile.TimeInInsatsBands.Rows.Select(r => r.Label));
    }

    [Fact]
    public void Without_bands_of_its_own_an_insats_uses_the_default_bands()
    {
        var profile = ProfileCalculator.Compute(History().ForInsats("ips", 2025));

        Assert.Equal([("15-29", 2), ("30-44", 0), ("45-59", 1), ("60+", 1)], Counts(profile.AgeBands));
        Assert.Equal("60 år och äldre", Row(profile.AgeBands, "60+").Label);
    }

    [Theory]
    [InlineData("15-29,30-47,48+")] // 47 is not a five-year boundary
    [InlineData("15-29,45-64,65+")] // a gap
    [InlineData("15-29,25-44,45+")] // an overlap
    [InlineData("15-29,30-44")] // nobody over 44
    [InlineData("15-29,30+,65+")] // a band after the open one
    [InlineData("20-29,30+")] // the youngest band left out
    [InlineData("unga,30+")]
    [InlineData("")]
    public void Age_bands_that_do_not_tile_the_five_year_bands_are_refused(string configured)
    {
        var bands = configured.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var settings = new ReportSettings { AgeBandsByInsats = new Dictionary<string, IReadOnlyList<string>> { ["ips"] = bands } };

        var refused = Assert.Throws<ArgumentException>(() => ProfileCalculator.Compute(History().ForInsats("ips", 2025, settings)));

        Assert.StartsWith("Åldersgrupperna", refused.Message);
    }

    [Fact]
    public void A_first_band_may_start_below_15_since_the_youngest_five_year_band_holds_everyone_under_20()
    {
        var settings = new ReportSettings { AgeBandsByInsats = new Dictionary<string, IReadOnlyList<string>> { ["ips"] = ["0-29", "30-64", "65+"] } };

        var profile = ProfileCalculator.Compute(History().ForInsats("ips", 2025, settings));

        Assert.Equal([("0-29", 2), ("30-64", 2), ("65+", 0)], Counts(profile.AgeBands));
    }

    [Fact]
    public void Time_bands_that_do_not_increase_are_refused()
    {
        var settings = new ReportSettings { TimeInInsatsBandsMonths = [6, 3] };

        Assert.Throws<ArgumentException>(() => ProfileCalculator.Compute(History().ForInsats("ips", 2025, settings)));
    }

    [Fact]
    public void An_empty_period_keeps_every_row_at_zero_with_no_shares()
    {
        var profile = ProfileCalculator.Compute(History().ForInsats("ips", 2020, Settings));

        Assert.Equal(0, profile.Ended.Value);
        Assert.Equal(6, profile.Education.Rows.Count);
        Assert.All(profile.Education.Rows.Concat(profile.EndReasons.Rows).Concat(profile.AgeBands.Rows), row =>
        {
            Assert.Equal(0, row.Count.Value);
            Assert.Null(row.Percent);
        });
        Assert.Equal((0, null, null, null), Numbers(profile.YearsInSupport));
        Assert.Equal((0, null, null, null), Numbers(profile.DaysInInsats));
        Assert.Equal(0, profile.YearsInSupportAboveThreshold.Value);
    }
}
