using Finsam.Participants.Application.Access;
using Finsam.Participants.Application.Registry;
using Finsam.Participants.Application.Validation;
using Finsam.Participants.Domain;
using Finsam.Platform.Errors;
using Finsam.Platform.Time;

namespace Finsam.Participants.Application.Enrolments;

/// <summary>
/// A kind of record a stay holds a list of: how its id is named in requests, how its fields are named in the
/// history ("plans[{id}].huvudmal"), and what is said when the id is unknown.
/// </summary>
public sealed record RecordKind(string Collection, string IdField, string Label, string NotFoundReason)
{
    public static readonly RecordKind Kartlaggning = new("kartlaggningar", "kartlaggning_id", "Kartläggningen", "KARTLAGGNING_NOT_FOUND");
    public static readonly RecordKind Plan = new("plans", "plan_id", "Planen", "PLAN_NOT_FOUND");
    public static readonly RecordKind Assessment = new("assessments", "assessment_id", "Bedömningen", "ASSESSMENT_NOT_FOUND");
    public static readonly RecordKind SelfAssessment = new("self_assessments", "assessment_id", "Självskattningen", "SELF_ASSESSMENT_NOT_FOUND");
    public static readonly RecordKind FollowUp = new("follow_ups", "follow_up_id", "Uppföljningen", "FOLLOW_UP_NOT_FOUND");

    /// <summary>The history's name of one field of one record, e.g. "plans[0192…].huvudmal".</summary>
    public string Field(string recordId, string property) => $"{Collection}[{recordId}].{property}";
}

/// <summary>
/// What corrections and retractions of a stay's records share: the checks before a change, finding the record,
/// and the history lines. Each changed field keeps its earlier value, who changed it, when and why.
/// </summary>
public static class RecordedFacts
{
    public const string ReasonRetracted = "RECORD_RETRACTED";
    public const string ReasonIdentifyingDataRemoved = "ENROLMENT_IDENTIFYING_DATA_REMOVED";
    public const string PropertyRetracted = "retracted";

    /// <summary>Separates the items of a text list in the history; items can't hold control characters, so it is unambiguous.</summary>
    public const string ListSeparator = "\n";

    // Properties whose history values are free text (they may describe the person): gallring strips them.
    private static readonly string[] FreeTextProperties = [".huvudmal", ".delmal", ".strategies", ".areas", ".result", ".note"];

    /// <summary>Whether a history line's old and new values are a record's free text, which gallring removes.</summary>
    public static bool HoldsFreeText(string field) =>
        field.Contains('[', StringComparison.Ordinal) && FreeTextProperties.Any(p => field.EndsWith(p, StringComparison.Ordinal));

    /// <summary>The fields every correction and retraction has: etag, reason (required) and the record's id.</summary>
    public static Target ValidateTarget(string? etag, string? reason, string? recordId, RecordKind kind, List<FieldViolation> violations) =>
        new(
            Etags.Parse(etag, violations),
            CorrectionReasons.Validate(reason, violations),
            Ids.Validate(recordId, kind.IdField, $"{kind.Label}s id", required: true, violations));

    /// <summary>
    /// Loads the stay for a change (access checked and logged, etag current). A stay whose free text gallring has
    /// removed takes no more changes: a correction would bring identifying text back, and its reason would never
    /// be removed.
    /// </summary>
    public static async Task<Enrolment> LoadForChangeAsync(EnrolmentAccess access, AccessContext context, string? enrolmentId, long etag, CancellationToken cancellationToken)
    {
        var enrolment = await access.LoadForChangeAsync(context, enrolmentId, etag, cancellationToken);
        if (enrolment.IdentifyingDataRemovedAt is not null)
        {
            throw new PreconditionFailedException(ReasonIdentifyingDataRemoved, "Inskrivningens uppgifter är gallrade och kan inte rättas.");
        }

        return enrolment;
    }

    /// <summary>The index of the record with <paramref name="recordId"/>; NOT_FOUND naming the kind otherwise.</summary>
    public static int IndexOf<T>(List<T> records, string recordId, Func<T, string> idOf, RecordKind kind)
    {
        var index = records.FindIndex(r => idOf(r) == recordId);
        return index >= 0 ? index : throw new NotFoundException(kind.NotFoundReason, $"{kind.Label} finns inte i inskrivningen.");
    }

    /// <summary>A retracted record no longer counts: it is neither corrected nor retracted again.</summary>
    public static void EnsureNotRetracted(bool retracted, RecordKind kind)
    {
        if (retracted)
        {
            throw new PreconditionFailedException(ReasonRetracted, $"{kind.Label} är återkallad och kan inte ändras.");
        }
    }

    public static string Text(DateOnly? day) => day is { } d ? IsoDates.ToIso(d) : "";

    public static string Text(bool? value) => value switch
    {
        true => "true",
        false => "false",
        null => "",
    };

    public static string Text(IEnumerable<string> values) => string.Join(ListSeparator, values);

    public sealed record Target(long? Etag, string? Reason, string? RecordId);
}

/// <summary>Adds one correction per field whose value differs, all with the same who, when and why.</summary>
public sealed class RecordHistory(Enrolment enrolment, Actor who, DateTime when, string why)
{
    public bool Changed { get; private set; }

    public void Compare(string field, string oldValue, string newValue)
    {
        if (oldValue == newValue)
        {
            return;
        }

        enrolment.Corrections.Add(new Correction(field, oldValue, newValue, who, when, why));
        Changed = true;
    }
}
