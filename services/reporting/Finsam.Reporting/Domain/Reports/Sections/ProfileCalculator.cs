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
        var ended = SectionStays.EndedInStatistics(input);
        var denominator = SectionStays.During(input.Period, "avslutade");
        var years = ended.Select(s => s.Start!.YearsInSupport).OfType<int>().ToList();
        var threshold = input.Settings.YearsInSupportThreshold;

        return new ProfileSection(
            Count.Of(ended.Count),
            SectionRows.Distribution(SectionRows.Genders, ended.Select(s => SectionStays.GenderOf(input, s)).ToList(), denominator),
            SectionRows.Distribution(ageBands.Bands, ended.Select(s => ageBands.BandOf(s.AgeBand)).ToList(), denominator),
            SectionRows.Distribution(
                SectionRows.InOrder(ParticipantCodes.EducationLevels),
                ended.Select(s => s.Start!.EducationLevel ?? SectionRows.Unknown).ToList(),
                denominator),
            SectionRows.Summary(years),
            threshold,
            Count.Of(years.Count(y => y > threshold)),
            SectionRows.Distribution(
                SectionRows.InOrder(ParticipantCodes.Forsorjning), ended.Select(s => s.Start!.ForsorjningAtStart).ToList(), denominator, multiValued: true),
            SectionRows.Summary(ended.Select(SectionStays.MonthsIn)),
            SectionRows.Summary(ended.Select(SectionStays.DaysIn)),
            SectionRows.Distribution(timeBands.Bands, ended.Select(s => timeBands.BandOf(SectionStays.MonthsIn(s))).ToList(), denominator),
            SectionRows.Distribution(
                SectionRows.InOrder(ParticipantCodes.EndReasons), ended.Select(s => s.End!.Reasons).ToList(), denominator, multiValued: true));
    }
}
