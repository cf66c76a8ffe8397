using Finsam.Participants.Application.Surveys;
using Finsam.Participants.Domain.Surveys;
using Finsam.Platform.Security;

namespace Finsam.UnitTests.Participants.Surveys;

/// <summary>What the survey tests share: the seeded instrument's id, callers and well-formed requests.</summary>
internal static class SurveyTestData
{
    public const string Nns = "nns-deltagare";
    public const string Insats = "insats-a";
    public const string OtherInsats = "insats-b";

    /// <summary>The harness' clock is in March 2026; February is a finished month.</summary>
    public const string Period = "2026-02";

    public const string StaffSubject = "samordnare-enkat-1";

    public static readonly string[] NnsQuestionCodes = ["Q1", "Q2", "Q3", "Q5", "Q6", "Q7", "Q8", "Q9", "Q10"];

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Finsam.Participants.Application.Access.AccessContext Staff =>
        ParticipantsHarness.As(Roles.Samordnare, StaffSubject, null, Insats);

    public static Finsam.Participants.Application.Access.AccessContext Admin => ParticipantsHarness.As(Roles.Administrator, "admin-1");

    public static Dictionary<string, string> FullAnswers() => new()
    {
        ["Q1"] = "ofta", ["Q2"] = "alltid", ["Q3"] = "ibland",
        ["Q5"] = "delvis", ["Q6"] = "till-stor-del", ["Q7"] = "helt-och-hallet",
        ["Q8"] = "ja", ["Q9"] = "inte-alls", ["Q10"] = "till-mycket-stor-del",
    };

    public static SubmitSurveyAnswerCommand Answer(
        Dictionary<string, string>? answers = null,
        string? requestId = null,
        string? instrumentId = Nns,
        int version = 1,
        string? insatsId = Insats,
        string? period = Period) =>
        new(requestId, instrumentId, version, insatsId, period, answers ?? FullAnswers());

    public static DefineSurveyInstrumentVersionCommand Definition(string instrumentId = "styrelse-indikatorer", string firstQuestion = "Har ni strukturer för samverkan?") =>
        new(instrumentId, "Styrelsens indikatorer", [
            new SurveyQuestion("S1", firstQuestion, [new SurveyOption("ja", "Ja"), new SurveyOption("nej", "Nej")]),
            new SurveyQuestion("S2", "Följer ni upp insatserna?", [new SurveyOption("aldrig", "Aldrig"), new SurveyOption("alltid", "Alltid")]),
        ]);
}
