using Finsam.Participants.Domain;

namespace Finsam.Participants.Infrastructure;

/// <summary>Conversions shared by the participants service's documents.</summary>
public static class DocumentMapping
{
    /// <summary>Stores return DateTimes as local or unspecified; the domain works in UTC.</summary>
    public static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value.ToUniversalTime(), DateTimeKind.Utc);

    public static ActorDocument ToDocument(Actor actor) => new() { Subject = actor.Subject, Role = actor.Role, Agency = actor.Agency };

    public static Actor ToDomain(ActorDocument document) => new(document.Subject, document.Role, document.Agency);

    public static CorrectionDocument ToDocument(Correction c) => new()
    {
        Field = c.Field,
        OldValue = c.OldValue,
        NewValue = c.NewValue,
        ChangedBy = ToDocument(c.ChangedBy),
        ChangedAt = c.ChangedAt,
        Reason = c.Reason,
    };

    public static Correction ToDomain(CorrectionDocument d) => new(d.Field, d.OldValue, d.NewValue, ToDomain(d.ChangedBy), Utc(d.ChangedAt), d.Reason);

    public static string ToCode(Gender gender) => gender switch
    {
        Gender.Woman => "woman",
        Gender.Man => "man",
        _ => "other",
    };

    public static Gender GenderFromCode(string code) => code switch
    {
        "woman" => Gender.Woman,
        "man" => Gender.Man,
        _ => Gender.Other,
    };
}
