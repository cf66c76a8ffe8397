using Finsam.IntegrationEvents.Participants.V1;

namespace Finsam.UnitTests.Reporting.Stays;

/// <summary>Short builders for enrolment events; only what the counts read varies, the rest is fixed filler.</summary>
internal static class StayEvents
{
    public static readonly DateTime T0 = new(2020, 1, 1, 8, 0, 0, DateTimeKind.Utc);

    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    public static DateTime At(int minutes) => T0.AddMinutes(minutes);

    public static EnrolmentStarted Started(string enrolmentId, string? participantId, string start, int at = 0, string insats = "X", bool anonymous = false) =>
        new(enrolmentId, participantId, insats, D(start), anonymous || participantId is null, "woman", participantId is null ? null : 1980, "30-34",
            ["forsorjningsstod"], "arbetslos", "gymnasium", 3, "FK", At(at));

    public static EnrolmentStarted Anonymous(string enrolmentId, string start, int at = 0, string insats = "X") =>
        Started(enrolmentId, null, start, at, insats, anonymous: true);

    public static EnrolmentStartCorrected StartCorrected(string enrolmentId, string start, int at, string insats = "X", int yearsInSupport = 3) =>
        new(enrolmentId, insats, D(start), ["forsorjningsstod"], "arbetslos", "gymnasium", yearsInSupport, At(at));

    public static EnrolmentEnded Ended(string enrolmentId, string end, int at = 0, string insats = "X") =>
        new(enrolmentId, insats, D(end), ["arbete"], "ej_subventionerat_arbete", ["lon"], At(at));

    public static EnrolmentEndCorrected EndCorrected(string enrolmentId, string end, int at, string insats = "X", string reason = "arbete") =>
        new(enrolmentId, insats, D(end), [reason], "ej_subventionerat_arbete", ["lon"], At(at));
}
