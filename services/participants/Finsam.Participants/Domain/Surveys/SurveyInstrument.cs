namespace Finsam.Participants.Domain.Surveys;

/// <summary>
/// One version of a survey instrument (e.g. the NNS deltagarenkät). The wording is licensed and versioned,
/// so it is data, never code; a version is immutable once stored, and every answer names the version it answered.
/// </summary>
/// <param name="DefinedAt">When it was defined through the API; null for a version seeded from the service's own data files.</param>
/// <param name="DefinedBy">Who defined it; null for a seeded version.</param>
public sealed record SurveyInstrument(
    string InstrumentId,
    int Version,
    string Name,
    IReadOnlyList<SurveyQuestion> Questions,
    DateTime? DefinedAt,
    Actor? DefinedBy)
{
    public SurveyQuestion? Question(string code) => Questions.FirstOrDefault(q => q.Code == code);

    /// <summary>Same name and the same questions, options and wording, in the same order.</summary>
    public bool HasSameContentAs(string name, IReadOnlyList<SurveyQuestion> questions) =>
        Name == name
        && Questions.Count == questions.Count
        && Questions.Zip(questions).All(pair => pair.First.HasSameContentAs(pair.Second));
}

/// <param name="Code">As the domain numbers it, e.g. "Q1"; the key of an answer.</param>
public sealed record SurveyQuestion(string Code, string Text, IReadOnlyList<SurveyOption> Options)
{
    public bool HasOption(string code) => Options.Any(o => o.Code == code);

    public bool HasSameContentAs(SurveyQuestion other) =>
        Code == other.Code && Text == other.Text && Options.SequenceEqual(other.Options);
}

/// <param name="Code">An ASCII slug such as "for-det-mesta": what answers and events carry.</param>
/// <param name="Label">The wording shown to the participant, e.g. "För det mesta".</param>
public sealed record SurveyOption(string Code, string Label);
