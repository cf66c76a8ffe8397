using System.Security.Cryptography;
using System.Text;
using Finsam.Activities.Application.Access;
using Finsam.Activities.Application.Groups;
using Finsam.Activities.Domain.Evaluations;
using Finsam.Activities.Domain.Groups;
using Finsam.IntegrationEvents.Activities.V1;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;
using Finsam.Platform.Time;

namespace Finsam.Activities.Application.Evaluations;

/// <summary>A form as a leader enters it: one rating per statement of the group, in order. There is no field for who answered.</summary>
public sealed record SubmitEvaluationCommand(string? GroupId, string? RequestId, IReadOnlyList<int> Ratings);

/// <param name="Answers">The number of forms stored for the group so far.</param>
public sealed record SubmitEvaluationResult(string GroupId, int Answers);

/// <summary>
/// Stores one course evaluation form, entered by one of the group's leaders, from the day of the group's last träff
/// that isn't cancelled (the Stockholm calendar day) on; a cancelled group takes none, and no group takes more forms
/// than it has had participants. A request id identifies one form of one group. The form is stored unlinked
/// (see <see cref="Evaluation"/>) with EvaluationSubmitted in the same write, in the evaluations collection's outbox.
/// </summary>
public sealed class SubmitEvaluationHandler(GroupUpdates groups, IEvaluationRepository evaluations, TimeProvider clock)
{
    public const string ReasonGroupCancelled = "GROUP_CANCELLED";
    public const string ReasonTooEarly = "EVALUATION_NOT_OPEN";
    public const string ReasonNoStatements = "NO_EVALUATION_STATEMENTS";
    public const string ReasonEvaluationsComplete = "EVALUATIONS_COMPLETE";

    public async Task<SubmitEvaluationResult> HandleAsync(Caller caller, SubmitEvaluationCommand command, CancellationToken cancellationToken)
    {
        var group = await groups.GetAsync(command.GroupId, cancellationToken);
        ActivitiesAccess.RequireLeaderOf(caller, group);

        if (group.EvaluationStatements.Count == 0)
        {
            throw new PreconditionFailedException(ReasonNoStatements, "Gruppen har inga påståenden att utvärdera.");
        }

        var violations = new List<FieldViolation>();
        var requestId = RequestIds.Parse(command.RequestId, violations);
        ValidateRatings(command.Ratings, group.EvaluationStatements.Count, violations);

        // Only a one-way hash of the request id is kept: enough to recognise a retry, useless for finding the form
        // from a client's or proxy's logs. Without a request id the key is random, so every key looks alike.
        var requestKey = RequestKey(requestId ?? Guid.NewGuid().ToString());
        var earlier = requestId is not null ? await evaluations.FindByRequestKeyAsync(requestKey, cancellationToken) : null;
        if (earlier is not null && earlier.GroupId != group.Id)
        {
            // Not a retry of this form: answering with the other group's count would report a form never stored here.
            violations.Add(new FieldViolation("request_id", "request_id har redan använts för en annan grupp."));
        }

        if (violations.Count > 0)
        {
            throw new ValidationFailedException(violations);
        }

        if (earlier is not null)
        {
            return await ResultAsync(group.Id, cancellationToken);
        }

        var today = SwedishCalendar.Today(clock);
        EnsureOpen(group, today);
        await EnsureRoomAsync(group, cancellationToken);

        var evaluation = new Evaluation(Evaluation.NewId(), group.Id, group.InsatsId, Evaluation.MonthOf(today), [.. command.Ratings]);
        var submitted = new EvaluationSubmitted(
            evaluation.Id,
            evaluation.GroupId,
            evaluation.InsatsId,
            evaluation.Month,
            group.EvaluationStatements,
            evaluation.Ratings,
            Evaluation.FirstInstantOf(evaluation.Month));
        try
        {
            await evaluations.AddAsync(evaluation, requestKey, [submitted], cancellationToken);
        }
        catch (EvaluationRequestKeyTakenException) when (requestId is not null)
        {
            // A concurrent retry of the same request stored it first: the form is stored once.
        }

        return await ResultAsync(group.Id, cancellationToken);
    }

    /// <summary>SHA-256 of the canonical request id, as lowercase hex.</summary>
    public static string RequestKey(string requestId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(requestId)));

    private async Task<SubmitEvaluationResult> ResultAsync(string groupId, CancellationToken cancellationToken) =>
        new(groupId, await evaluations.CountByGroupAsync(groupId, cancellationToken));

    private static void ValidateRatings(IReadOnlyList<int> ratings, int statements, List<FieldViolation> violations)
    {
        if (ratings.Count != statements)
        {
            violations.Add(new FieldViolation(
                "ratings", $"Ange ett svar per påstående i gruppens utvärdering: {statements} stycken (0 = inte besvarat), nu {ratings.Count}."));
            return;
        }

        for (var i = 0; i < ratings.Count; i++)
        {
            if (ratings[i] is < Evaluation.NotAnswered or > Evaluation.HighestRating)
            {
                violations.Add(new FieldViolation($"ratings[{i}]", $"Påstående {i + 1}: svaret ska vara 1–6 (6 bäst), eller 0 om det inte besvarades."));
            }
        }

        if (ratings.All(r => r == Evaluation.NotAnswered))
        {
            // A form with nothing answered adds nothing to any statement, only to the count of forms.
            violations.Add(new FieldViolation("ratings", "Blanketten har inga svar: minst ett påstående ska vara besvarat."));
        }
    }

    /// <summary>
    /// One form per person who took part at most: a stack of forms entered twice would otherwise skew the means
    /// unnoticed. Those who took part are everyone who ever held a place in the group.
    /// </summary>
    private async Task EnsureRoomAsync(Group group, CancellationToken cancellationToken)
    {
        var participants = group.ParticipantsEverPlaced();
        var stored = await evaluations.CountByGroupAsync(group.Id, cancellationToken);
        if (stored >= participants)
        {
            throw new PreconditionFailedException(
                ReasonEvaluationsComplete,
                $"Gruppen har haft {participants} deltagare och {stored} utvärderingar är redan registrerade: fler blanketter än deltagare tas inte emot.");
        }
    }

    private static void EnsureOpen(Group group, DateOnly today)
    {
        if (group.Status == GroupStatus.Cancelled)
        {
            throw new PreconditionFailedException(ReasonGroupCancelled, "Gruppen är inställd och utvärderas inte.");
        }

        var lastTraff = group.Traffar.Where(t => t.Status != TraffStatus.Cancelled).Select(t => (DateOnly?)t.Date).Max()
            ?? throw new PreconditionFailedException(ReasonTooEarly, "Gruppen har inga träffar som inte är inställda, så ingen sista träff att utvärdera.");
        if (lastTraff > today)
        {
            throw new PreconditionFailedException(
                ReasonTooEarly, $"Utvärderingen tas emot från gruppens sista träff den {IsoDates.ToIso(lastTraff)}.");
        }
    }
}
