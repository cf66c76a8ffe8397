using Finsam.Activities.Application.Access;
using Finsam.Activities.Application.Catalogue;
using Finsam.Activities.Application.Validation;
using Finsam.Activities.Domain.Counts;
using Finsam.IntegrationEvents.Activities.V1;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;
using Finsam.Platform.Time;
using Finsam.Platform.Validation;

namespace Finsam.Activities.Application.Counts;

/// <summary>The corrected period and counts (all of them, replaced as sent), why, and the etag the caller read.</summary>
public sealed record CorrectInsatsCountsCommand(
    string? InsatsId, string? RegistrationId, string? Etag, DateOnly? PeriodFrom, DateOnly? PeriodTo, int Women, int Men, int Other, string? Reason);

/// <summary>
/// Corrects a registration, as attendance is corrected: the earlier period and counts are kept with who corrected
/// them, when and why, and InsatsCountsCorrected carries the values as they now stand. A correction sent with an
/// etag that is no longer current is ABORTED rather than applied to values the caller never saw.
/// </summary>
public sealed class CorrectInsatsCountsHandler(IInsatsCountRepository counts, IInsatsRepository insatser, TimeProvider clock)
{
    public const int MaxReasonLength = 500;
    public const string ReasonNotFound = "COUNT_REGISTRATION_NOT_FOUND";
    public const string ReasonConflict = "COUNT_REGISTRATION_CHANGED";

    public async Task<InsatsCountRegistration> HandleAsync(Caller caller, CorrectInsatsCountsCommand command, CancellationToken cancellationToken)
    {
        ActivitiesAccess.RequireCountRegistrar(caller, command.InsatsId?.Trim() ?? "");

        var violations = new List<FieldViolation>();
        var insatsId = CountFields.InsatsId(command.InsatsId, violations);
        var registrationId = InputIds.Id(command.RegistrationId, "registration_id", "Registrerings-id", violations);
        var etag = Etags.Parse(command.Etag, violations);
        var facts = CountFields.Validate(
            command.PeriodFrom, command.PeriodTo, command.Women, command.Men, command.Other, SwedishCalendar.Today(clock), violations);
        var reason = FreeText.Validate(command.Reason, "reason", "Skäl till rättelsen", MaxReasonLength, required: true, multiline: true, violations);
        ValidationFailedException.ThrowIfAny(violations);

        await CountOnlyInsats.LoadAsync(insatser, insatsId!, cancellationToken);

        // A registration of another insats is not found here: access was decided on the insats in the path.
        var stored = await counts.GetAsync(registrationId!, cancellationToken);
        if (stored is null || !string.Equals(stored.InsatsId, insatsId, StringComparison.Ordinal))
        {
            throw new NotFoundException(ReasonNotFound, "Registreringen finns inte för den här insatsen.");
        }

        Etags.EnsureCurrent(etag!.Value, stored.Version, ReasonConflict, "Registreringen");
        if (stored.PeriodFrom == facts!.PeriodFrom && stored.PeriodTo == facts.PeriodTo && stored.Counts == facts.Counts)
        {
            throw new ValidationFailedException([new FieldViolation("women", "Rättelsen ändrar ingenting: perioden och antalen är desamma som förut.")]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var corrected = stored.Correct(facts.PeriodFrom, facts.PeriodTo, facts.Counts, caller.Subject, now, reason!);
        var correctedEvent = new InsatsCountsCorrected(
            corrected.Id,
            corrected.InsatsId,
            corrected.PeriodFrom,
            corrected.PeriodTo,
            corrected.Counts.Women,
            corrected.Counts.Men,
            corrected.Counts.Other,
            now);
        return await counts.TrySaveAsync(corrected, [correctedEvent], cancellationToken)
            ?? throw new ConcurrencyConflictException(ReasonConflict, "Registreringen har ändrats sedan du läste den. Läs om och försök igen.");
    }
}
