using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Participants.Application.Access;
using Finsam.Participants.Domain;
using Finsam.Platform.Errors;
using Finsam.Platform.Time;
using Microsoft.Extensions.Logging;

namespace Finsam.Participants.Application.Enrolments;

public sealed record EndEnrolmentCommand(
    string? EnrolmentId, string? Etag, DateOnly? EndDate, IReadOnlyList<string> Reasons, string? SysselsattningAtEnd, IReadOnlyList<string> ForsorjningAtEnd);

/// <summary>
/// Avslut: the end date, one or more reasons, sysselsättning and försörjning at the end. Ends the stay's
/// hold on the person's "one active stay per insats" slot. An ended stay is corrected, never ended again.
/// </summary>
public sealed class EndEnrolmentHandler(
    EnrolmentAccess access, IEnrolmentRepository repository, Referrals.IReferralPlaces places, ILogger<EndEnrolmentHandler> logger, TimeProvider clock)
{
    public const string ReasonAlreadyEnded = "ENROLMENT_ALREADY_ENDED";

    public async Task<Enrolment> HandleAsync(AccessContext context, EndEnrolmentCommand command, CancellationToken cancellationToken)
    {
        var violations = new List<FieldViolation>();
        var etag = Etags.Parse(command.Etag, violations);
        var endDate = EnrolmentFields.RequiredDate(command.EndDate, "end_date", "Slutdatum", violations);
        var facts = ValidateEndFacts(command.Reasons, command.SysselsattningAtEnd, command.ForsorjningAtEnd, required: true, violations);
        EnrolmentFields.ThrowIfAny(violations);

        var enrolment = await access.LoadForChangeAsync(context, command.EnrolmentId, etag!.Value, cancellationToken);
        if (enrolment.IsEnded)
        {
            throw new PreconditionFailedException(ReasonAlreadyEnded, "Inskrivningen är redan avslutad. Rätta avslutet i stället (correctEnd).");
        }

        ValidateEndDate(enrolment, endDate!.Value, SwedishCalendar.Today(clock), violations);
        EnrolmentFields.ThrowIfAny(violations);

        var now = clock.GetUtcNow().UtcDateTime;
        enrolment.Ending = new EnrolmentEnding(endDate.Value, facts.Reasons!, facts.Sysselsattning!, facts.Forsorjning!, context.Actor, now);
        await repository.SaveAsync(enrolment, [Ended(enrolment, now)], cancellationToken);
        await ReleaseReferralPlaceAsync(enrolment);
        return enrolment;
    }

    /// <summary>
    /// The stay's end frees the place its referral held, so the insats' queue can move. A second write after
    /// the end is saved: if it fails, the end still stands, the failure is logged, and the places count heals
    /// itself (a hold whose referral has an ended stay no longer counts).
    /// </summary>
    private async Task ReleaseReferralPlaceAsync(Enrolment enrolment)
    {
        if (enrolment.ReferralId is null)
        {
            return;
        }

        try
        {
            await places.ReleasePlaceAsync(enrolment.ReferralId, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "The place of referral {ReferralId} was not released after enrolment {EnrolmentId} ended", enrolment.ReferralId, enrolment.Id);
        }
    }

    public static EnrolmentEnded Ended(Enrolment enrolment, DateTime now)
    {
        var ending = enrolment.Ending!;
        return new EnrolmentEnded(enrolment.Id, enrolment.InsatsId, ending.EndDate, ending.Reasons, ending.SysselsattningAtEnd, ending.ForsorjningAtEnd, now);
    }

    public sealed record EndFacts(IReadOnlyList<string>? Reasons, string? Sysselsattning, IReadOnlyList<string>? Forsorjning);

    /// <summary>
    /// The end facts. When <paramref name="required"/> is false (a correction), an empty field keeps the
    /// current value and comes back null.
    /// </summary>
    public static EndFacts ValidateEndFacts(
        IReadOnlyList<string> reasons, string? sysselsattning, IReadOnlyList<string> forsorjning, bool required, List<FieldViolation> violations) =>
        new(
            required || reasons.Count > 0
                ? EnrolmentFields.Codes(reasons, ParticipantCodes.EndReasons, "reasons", "Avslutsorsaker", 1, violations)
                : null,
            EnrolmentFields.Code(sysselsattning, ParticipantCodes.Sysselsattning, "sysselsattning_at_end", "Sysselsättning vid avslut", required, violations),
            required || forsorjning.Count > 0
                ? EnrolmentFields.Codes(forsorjning, ParticipantCodes.Forsorjning, "forsorjning_at_end", "Försörjning vid avslut", 1, violations)
                : null);

    /// <summary>Not before the start, not in the future, and not so late that a recorded follow-up falls outside the window.</summary>
    public static void ValidateEndDate(Enrolment enrolment, DateOnly endDate, DateOnly today, List<FieldViolation> violations)
    {
        if (endDate < enrolment.Start.StartDate)
        {
            violations.Add(new FieldViolation("end_date", $"Slutdatum kan inte ligga före startdatum ({IsoDates.ToIso(enrolment.Start.StartDate)})."));
        }
        else if (endDate > today)
        {
            violations.Add(new FieldViolation("end_date", "Slutdatum kan inte ligga i framtiden."));
        }
        else if (enrolment.FollowUpsNotRetracted.Select(f => f.ContactOn).ToList() is { Count: > 0 } contacts
            && (contacts.Min() <= endDate || contacts.Max() > endDate.AddMonths(FollowUp.WindowMonths)))
        {
            violations.Add(new FieldViolation("end_date", "Slutdatum måste ligga före alla registrerade uppföljningar och högst 12 månader före den sista."));
        }
    }
}
