using Finsam.IntegrationEvents;
using Finsam.IntegrationEvents.Activities.V1;
using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Reporting.Domain.ReadModels;
using Finsam.Reporting.Domain.Reports;
using Finsam.Reporting.Domain.Stays;

namespace Finsam.UnitTests.Reporting.Reports;

/// <summary>
/// A hand-built history for the report sections, written in the order things happened: each event occurs a minute
/// after the one before unless <c>at</c> (minutes after <see cref="T0"/>) says otherwise, so a correction made
/// "after the event" is simply written later. Facts the test doesn't name get plain defaults.
/// </summary>
internal sealed class ReportHistory
{
    public const string DefaultInsats = "ips";

    public static readonly DateTime T0 = new(2020, 1, 1, 8, 0, 0, DateTimeKind.Utc);

    private readonly List<IIntegrationEvent> _events = [];
    private readonly Dictionary<string, EnrolmentStarted> _starts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _insatsOf = new(StringComparer.Ordinal);
    private int _clock;

    public IReadOnlyList<IIntegrationEvent> Events => _events;

    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    public ReportHistory Insats(
        string insatsId, string? name = null, string kind = "individual", int places = 10, int? workOrStudiesTarget = null, int? at = null) =>
        Add(new InsatsDefined(insatsId, name ?? insatsId.ToUpperInvariant(), kind, places, Next(at), WorkOrStudiesTargetPercent: workOrStudiesTarget));

    public ReportHistory ChangeInsats(
        string insatsId, string name, string kind = "individual", int places = 10, int? workOrStudiesTarget = null, int? at = null) =>
        Add(new InsatsChanged(insatsId, name, kind, places, 0, 0, workOrStudiesTarget, null, null, null, null, Next(at)));

    public ReportHistory Person(string participantId, string gender, int birthYear = 1985, int? at = null) =>
        Add(new ParticipantRegistered(participantId, gender, birthYear, Next(at)));

    public ReportHistory CorrectPerson(string participantId, string gender, int birthYear = 1985, int? at = null) =>
        Add(new ParticipantCorrected(participantId, gender, birthYear, Next(at)));

    public ReportHistory Enrol(
        string enrolmentId,
        string? participantId,
        string start,
        string insats = DefaultInsats,
        string gender = "woman",
        string ageBand = "30-34",
        string[]? forsorjning = null,
        string? sysselsattning = "arbetslos",
        string? education = "gymnasium",
        int? yearsInSupport = 3,
        string? agency = "fk",
        bool anonymous = false,
        int? at = null)
    {
        var started = new EnrolmentStarted(
            enrolmentId, anonymous ? null : participantId, insats, D(start), anonymous || participantId is null, gender,
            anonymous || participantId is null ? null : 1985, ageBand, forsorjning ?? ["forsorjningsstod"], sysselsattning, education,
            yearsInSupport, agency, Next(at));
        _starts[enrolmentId] = started;
        _insatsOf[enrolmentId] = insats;
        return Add(started);
    }

    /// <summary>An anonymous stay: counted, never identified (no participant id).</summary>
    public ReportHistory EnrolAnonymous(
        string enrolmentId, string start, string insats = DefaultInsats, string gender = "woman", string ageBand = "30-34", int? at = null) =>
        Enrol(enrolmentId, null, start, insats, gender, ageBand, anonymous: true, at: at);

    public ReportHistory End(
        string enrolmentId,
        string end,
        string[]? reasons = null,
        string sysselsattning = "ej-subventionerat-arbete",
        string[]? forsorjning = null,
        string? insats = null,
        int? at = null) =>
        Add(new EnrolmentEnded(enrolmentId, insats ?? InsatsOf(enrolmentId), D(end), reasons ?? ["arbete-heltid"], sysselsattning, forsorjning ?? ["lon"], Next(at)));

    public ReportHistory CorrectEnd(
        string enrolmentId,
        string end,
        string[]? reasons = null,
        string sysselsattning = "ej-subventionerat-arbete",
        string[]? forsorjning = null,
        int? at = null) =>
        Add(new EnrolmentEndCorrected(enrolmentId, InsatsOf(enrolmentId), D(end), reasons ?? ["arbete-heltid"], sysselsattning, forsorjning ?? ["lon"], Next(at)));

    /// <summary>Corrects the start facts; what isn't given stays as the enrolment recorded it.</summary>
    public ReportHistory CorrectStart(
        string enrolmentId,
        string? start = null,
        string[]? forsorjning = null,
        string? sysselsattning = null,
        string? education = null,
        int? yearsInSupport = null,
        int? at = null)
    {
        var original = _starts[enrolmentId];
        return Add(new EnrolmentStartCorrected(
            enrolmentId,
            original.InsatsId,
            start is null ? original.StartDate : D(start),
            forsorjning ?? original.ForsorjningAtStart,
            sysselsattning ?? original.SysselsattningAtStart,
            education ?? original.EducationLevel,
            yearsInSupport ?? original.YearsInSupport,
            Next(at)));
    }

    /// <summary>Pinnstatistik: counts a count-only insats registered for a period.</summary>
    public ReportHistory RegisterCounts(string registrationId, string insatsId, string from, string to, int women, int men, int other = 0, int? at = null) =>
        Add(new Finsam.IntegrationEvents.Activities.V1.InsatsCountsRegistered(registrationId, insatsId, D(from), D(to), women, men, other, Next(at)));

    public ReportingModel Model()
    {
        var model = new ReportingModel();
        var changed = new Dictionary<string, ISet<string>>(StringComparer.Ordinal);
        foreach (var integrationEvent in _events)
        {
            model.Apply(integrationEvent, changed);
        }

        return model;
    }

    public ReportInput ForInsats(string insatsId, int year, ReportSettings? settings = null) =>
        new(Model(), insatsId, ReportPeriod.Year(year), settings ?? new ReportSettings());

    public ReportInput ForInsats(string insatsId, string from, string to, ReportSettings? settings = null) =>
        new(Model(), insatsId, new ReportPeriod(D(from), D(to)), settings ?? new ReportSettings());

    public ReportInput ForForbund(int year, ReportSettings? settings = null) =>
        new(Model(), null, ReportPeriod.Year(year), settings ?? new ReportSettings());

    private string InsatsOf(string enrolmentId) => _insatsOf.GetValueOrDefault(enrolmentId, DefaultInsats);

    private DateTime Next(int? at)
    {
        _clock = at is { } minutes ? Math.Max(_clock, minutes) : _clock + 1;
        return T0.AddMinutes(at ?? _clock);
    }

    private ReportHistory Add(IIntegrationEvent integrationEvent)
    {
        _events.Add(integrationEvent);
        return this;
    }
}

/// <summary>Short reads of section figures for asserts.</summary>
internal static class ReportRows
{
    /// <summary>The rows of a distribution as (code, count), in the order the report shows them.</summary>
    public static IReadOnlyList<(string Code, int? Count)> Counts(Distribution distribution) =>
        distribution.Rows.Select(r => (r.Code, r.Count.Value)).ToList();

    public static Tally Row(Distribution distribution, string code) => distribution.Rows.Single(r => r.Code == code);

    /// <summary>(women, men, other, total) of a gender count.</summary>
    public static (int? Women, int? Men, int? Other, int? Total) Split(GenderCounts counts) =>
        (counts.Women.Value, counts.Men.Value, counts.Other.Value, counts.Total.Value);

    /// <summary>(enrolments, persons) of a flow figure.</summary>
    public static (int? Enrolments, int? Persons) Flow(FlowCount count) => (count.Enrolments.Value, count.Persons.Value);

    /// <summary>(n, min, max, mean) of a number summary.</summary>
    public static (int? N, decimal? Min, decimal? Max, decimal? Mean) Numbers(NumberSummary summary) =>
        (summary.N.Value, summary.Min, summary.Max, summary.Mean);
}
