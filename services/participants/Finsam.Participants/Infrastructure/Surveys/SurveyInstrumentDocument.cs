using Finsam.Platform.Storage;

namespace Finsam.Participants.Infrastructure.Surveys;

/// <summary>One stored instrument version; written once, never replaced. Id "{instrumentId}:{version}".</summary>
public sealed class SurveyInstrumentDocument : IDocument
{
    public const string CollectionName = "survey_instruments";

    public string Id { get; set; } = "";

    public long Version { get; set; }

    public string InstrumentId { get; set; } = "";

    public int InstrumentVersion { get; set; }

    public string Name { get; set; } = "";

    public List<SurveyQuestionDocument> Questions { get; set; } = [];

    /// <summary>Null for a version seeded from the service's data files.</summary>
    public DateTime? DefinedAt { get; set; }

    /// <summary>Null for a seeded version.</summary>
    public ActorDocument? DefinedBy { get; set; }

    public static string IdOf(string instrumentId, int version) => $"{instrumentId}:{version}";
}

public sealed class SurveyQuestionDocument
{
    public string Code { get; set; } = "";

    public string Text { get; set; } = "";

    public List<SurveyOptionDocument> Options { get; set; } = [];
}

public sealed class SurveyOptionDocument
{
    public string Code { get; set; } = "";

    public string Label { get; set; } = "";
}
