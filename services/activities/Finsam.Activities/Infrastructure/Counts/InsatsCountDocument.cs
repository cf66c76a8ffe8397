using Finsam.Platform.Outbox;

namespace Finsam.Activities.Infrastructure.Counts;

/// <summary>One registration of counts by gender for a count-only insats, in a collection of its own.</summary>
public sealed class InsatsCountDocument : OutboxDocument
{
    public const string CollectionName = "insats_counts";

    public string InsatsId { get; set; } = "";

    /// <summary>"yyyy-MM-dd", as every date of the domain is stored.</summary>
    public string PeriodFrom { get; set; } = "";

    public string PeriodTo { get; set; } = "";

    public int Women { get; set; }

    public int Men { get; set; }

    public int Other { get; set; }

    public string RegisteredBy { get; set; } = "";

    public DateTime RegisteredAt { get; set; }

    /// <summary>Earlier values, oldest first.</summary>
    public List<InsatsCountCorrectionDocument> Corrections { get; set; } = [];

    /// <summary>Unique: "{insatsId}:{requestId}", or "auto:{id}" when the caller sent no request id.</summary>
    public string RequestKey { get; set; } = "";
}

public sealed class InsatsCountCorrectionDocument
{
    public string PreviousPeriodFrom { get; set; } = "";

    public string PreviousPeriodTo { get; set; } = "";

    public int PreviousWomen { get; set; }

    public int PreviousMen { get; set; }

    public int PreviousOther { get; set; }

    public string CorrectedBy { get; set; } = "";

    public DateTime CorrectedAt { get; set; }

    public string Reason { get; set; } = "";
}
