using Finsam.Participants.Application.Access;
using Finsam.Participants.Domain;
using Finsam.Platform.Errors;
using Finsam.Platform.Ids;
using Finsam.Platform.Time;

namespace Finsam.Participants.Application.Enrolments;

public sealed record RecordKartlaggningCommand(string? EnrolmentId, string? Etag, DateOnly? Date, IReadOnlyList<string> Areas);

/// <summary>Kartläggning: the date and the areas mapped. Appended; an earlier kartläggning stays.</summary>
public sealed class RecordKartlaggningHandler(EnrolmentAccess access, IEnrolmentRepository repository, TimeProvider clock)
{
    public const int MaxAreas = 20;

    public async Task<Enrolment> HandleAsync(AccessContext context, RecordKartlaggningCommand command, CancellationToken cancellationToken)
    {
        var violations = new List<FieldViolation>();
        var etag = Etags.Parse(command.Etag, violations);
        var date = EnrolmentFields.RequiredDate(command.Date, "date", "Datum för kartläggningen", violations);
        var areas = EnrolmentFields.Texts(command.Areas, "areas", "Kartlagda områden", 1, MaxAreas, EnrolmentFields.MaxShortText, violations);
        EnrolmentFields.ThrowIfAny(violations);

        var enrolment = await access.LoadForChangeAsync(context, command.EnrolmentId, etag!.Value, cancellationToken);
        var today = SwedishCalendar.Today(clock);
        EnrolmentFields.WithinStay(enrolment, date!.Value, today, "date", "Datum för kartläggningen", violations);
        EnrolmentFields.ThrowIfAny(violations);

        enrolment.Kartlaggningar.Add(new Kartlaggning(SequentialIds.Next(), date.Value, areas!, context.Actor, clock.GetUtcNow().UtcDateTime));
        await repository.SaveAsync(enrolment, [], cancellationToken);
        return enrolment;
    }
}
