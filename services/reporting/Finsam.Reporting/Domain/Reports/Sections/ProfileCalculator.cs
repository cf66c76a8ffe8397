using Finsam.IntegrationEvents.Participants.V1;

namespace Finsam.Reporting.Domain.Reports.Sections;

/// <summary>
/// Profile of the ended of the period (anonymous stays left out), per enrolment, from the facts as they now stand
/// (corrected starts and endings, the person's corrected gender).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Age: the stay's five-year band at its start, in the insats' configured bands (the default bands at förbund level).</item>
/// <item>Education: a missing level counts as "okand" (Okänd).</item>
/// <item>Years in support: over the stays with a value (N says how many); "above the threshold" is strictly more than it.</item>
/// <item>Time in insats: whole months (the largest m with start + m months ≤ end) for the range and the bands, days (end − start) for the mean.</item>
/// <item>Försörjning at start and end reasons are multi-valued: a stay is in every row it has, so rows sum to more than the ended.</item>
/// </list>
/// Rows come in the order of <see cref="ParticipantCodes"/>, zero rows included, so the tables have the same lines every year.
/// </remarks>
public static class ProfileCalculator
{
    /// <exception cref="ArgumentException">The insats' age bands or the time-in-insats bands are configured so they can't be used.</exception>
    public static ProfileSection Compute(ReportInput input)
    {
        var ageBands = ProfileAgeBands.Of(input.Settings.AgeBandsFor(input.InsatsId));
        var timeBands = ProfileTimeBands.Of(input.Settings.TimeInInsatsBandsMonths);
        var table = input.Table;
        var ended = table.EndedInStatistics;
        var denominator = SectionStays.During(input.Period, "avslutade");
        var threshold = input.Settings.YearsInSupportThreshold;

        // One pass over the ended: every table's codes and every summary's values of a stay at once.
        CodeCounts genders = new(), ages = new(), education = new(), forsorjning = new(), timeInInsats = new(), endReasons = new();
        var years = new List<int>();
        var months = new List<int>(ended.Length);
        var days = new List<int>(ended.Length);
        foreach (var row in ended)
        {
            var stay = table[row];
            var stayMonths = SectionStays.MonthsIn(stay);
            genders.Add(table.GenderOf(row));
            ages.Add(ageBands.BandOf(stay.AgeBand));
            education.Add(stay.Start!.EducationLevel ?? SectionRows.Unknown);
            if (stay.Start.YearsInSupport is { } inSupport)
            {
                years.Add(inSupport);
            }

            forsorjning.AddEach(stay.Start.ForsorjningAtStart);
            months.Add(stayMonths);
            days.Add(SectionStays.DaysIn(stay));
            timeInInsats.Add(timeBands.BandOf(stayMonths));
            endReasons.AddEach(stay.End!.Reasons);
        }

        return new ProfileSection(
            Count.Of(ended.Length),
            genders.ToDistribution(SectionRows.Genders, denominator),
            ages.ToDistribution(ageBands.Bands, denominator),
            education.ToDistribution(SectionRows.InOrder(ParticipantCodes.EducationLevels), denominator),
            SectionRows.Summary(years),
            threshold,
            Count.Of(years.Count(y => y > threshold)),
            forsorjning.ToDistribution(SectionRows.InOrder(ParticipantCodes.Forsorjning), denominator, multiValued: true),
            SectionRows.Summary(months),
            SectionRows.Summary(days),
            timeInInsats.ToDistribution(timeBands.Bands, denominator),
            endReasons.ToDistribution(SectionRows.InOrder(ParticipantCodes.EndReasons), denominator, multiValued: true));
    }
}
