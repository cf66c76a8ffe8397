using Finsam.IntegrationEvents;
using Finsam.Reporting.Domain.Assessments;
using Finsam.Reporting.Domain.CountOnly;
using Finsam.Reporting.Domain.Groups;
using Finsam.Reporting.Domain.Insatser;
using Finsam.Reporting.Domain.Persons;
using Finsam.Reporting.Domain.Plans;
using Finsam.Reporting.Domain.Referrals;
using Finsam.Reporting.Domain.Stays;
using Finsam.Reporting.Domain.Unlinked;

namespace Finsam.Reporting.Domain.ReadModels;

/// <summary>
/// Every read model the reports are computed from, built only from the journalled integration events. One instance
/// lives in memory in the service (the projector feeds it and persists what changed); a rebuild fills a new one from
/// the journal. Not thread-safe: the projector is its only writer, and readers take a snapshot under its lock.
/// </summary>
public sealed class ReportingModel
{
    public StayBook Stays { get; } = new();
    public InsatsBook Insatser { get; } = new();
    public PersonBook Persons { get; } = new();
    public CountOnlyBook CountRegistrations { get; } = new();
    public ReferralBook Referrals { get; } = new();
    public PlanBook Plans { get; } = new();
    public AssessmentBook Assessments { get; } = new();
    public FollowUpBook FollowUps { get; } = new();
    public GroupBook Groups { get; } = new();

    /// <summary>Deltagarenkät answers (unlinked: fed from the journal's unlinked events).</summary>
    public SurveyTally SurveyAnswers { get; } = new();

    /// <summary>Course evaluation forms (unlinked: fed from the journal's unlinked events).</summary>
    public EvaluationTally Evaluations { get; } = new();

    /// <summary>Every persisted book, in the order events are applied to them.</summary>
    public IReadOnlyList<IReadModelBook> Books =>
        [Stays, Insatser, Persons, CountRegistrations, Referrals, Plans, Assessments, FollowUps, Groups, SurveyAnswers, Evaluations];

    /// <summary>Applies one event to every book; the changed keys per book kind are added to <paramref name="changed"/>.</summary>
    public void Apply(IIntegrationEvent integrationEvent, IDictionary<string, ISet<string>> changed)
    {
        foreach (var book in Books)
        {
            if (!changed.TryGetValue(book.Kind, out var keys))
            {
                keys = new HashSet<string>(StringComparer.Ordinal);
                changed[book.Kind] = keys;
            }

            book.Apply(integrationEvent, keys);
        }
    }

    public void Clear()
    {
        foreach (var book in Books)
        {
            book.Clear();
        }
    }
}
