using Finsam.Activities.Application.Access;
using Finsam.Activities.Application.Catalogue;
using Finsam.Activities.Domain.Counts;
using Finsam.IntegrationEvents.Activities.V1;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;
using Finsam.Platform.Time;

namespace Finsam.Activities.Application.Counts;

public sealed record RegisterInsatsCountsCommand(
    string? InsatsId, string? RequestId, DateOnly? PeriodFrom, DateOnly? PeriodTo, int Women, int Men, int Other);

/// <summary>
/// Registers counts by gender for a period of a count-only insats, with InsatsCountsRegistered in the same write.
/// The same request id again (for the same insats) answers with the first registration, whatever it sends.
/// </summary>
public sealed class RegisterInsatsCountsHandler(IInsatsCountRepository counts, IInsatsRepository insatser, TimeProvider clock)
{
    public async Task<InsatsCountRegistration> HandleAsync(Caller caller, RegisterInsatsCountsCommand command, CancellationToken cancellationToken)
    {
        // Who may is decided first, on the id as sent: a missing id can't be anyone's own insats.
        ActivitiesAccess.RequireCountRegistrar(caller, command.InsatsId?.Trim() ?? "");

        var violations = new List<FieldViolation>();
        var insatsId = CountFields.InsatsId(command.InsatsId, violations);
        var requestId = RequestIds.Parse(command.RequestId, violations);
        var facts = CountFields.Validate(
            command.PeriodFrom, command.PeriodTo, command.Women, command.Men, command.Other, SwedishCalendar.Today(clock), violations);
        ValidationFailedException.ThrowIfAny(violations);

        await CountOnlyInsats.LoadAsync(insatser, insatsId!, cancellationToken);

        // Scoped to the insats, so a request id reused for another insats can never answer with this one's registration.
        var requestKey = requestId is null ? null : $"{insatsId}:{requestId}";
        if (requestKey is not null && await counts.FindByRequestKeyAsync(requestKey, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var registration = new InsatsCountRegistration(
            InsatsCountRegistration.NewId(), insatsId!, facts!.PeriodFrom, facts.PeriodTo, facts.Counts, caller.Subject, now);
        var registered = new InsatsCountsRegistered(
            registration.Id,
            registration.InsatsId,
            registration.PeriodFrom,
            registration.PeriodTo,
            registration.Counts.Women,
            registration.Counts.Men,
            registration.Counts.Other,
            now);
        try
        {
            return await counts.AddAsync(registration, requestKey ?? $"auto:{registration.Id}", [registered], cancellationToken);
        }
        catch (CountRequestIdTakenException) when (requestKey is not null)
        {
            // A concurrent retry of the same request stored it first: answer with that one.
            return await counts.FindByRequestKeyAsync(requestKey, cancellationToken)
                ?? throw new InvalidOperationException("A request id was taken but its registration is missing.");
        }
    }
}
