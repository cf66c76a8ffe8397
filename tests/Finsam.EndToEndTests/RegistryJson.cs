namespace Finsam.EndToEndTests;

// The registry's REST shapes (camelCase JSON from gRPC transcoding). Lists and unset messages may be left
// out, hence the nullable members.
public sealed record RegistryParticipantJson(
    string ParticipantId, string Gender, int BirthYear, bool ProtectedIdentity, bool Samordningsnummer, string Etag);

public sealed record IdentityJson(string ParticipantId, string Personnummer, string GivenName, string FamilyName);

public sealed record SearchResultJson(List<RegistryParticipantJson>? Participants);

public sealed record HistoryJson(List<CorrectionJson>? Corrections);

public sealed record CorrectionJson(
    string Field, string? OldValue, string? NewValue, string ChangedBy, string ChangedByRole, DateTime ChangedAt, string Reason);

public sealed record DateJson(int Year, int Month, int Day)
{
    public static DateJson Of(DateOnly date) => new(date.Year, date.Month, date.Day);

    public DateOnly ToDateOnly() => new(Year, Month, Day);
}

public sealed record ConsentJson(string ConsentId, string ParticipantId, List<string> Agencies, DateJson GivenOn, DateJson? WithdrawnOn, bool Active);

public sealed record AccessLogExtractJson(string ParticipantId, List<AccessLogEntryJson>? Entries);

public sealed record AccessLogEntryJson(DateTime At, string Subject, string Role, string? Agency, string Action, string Purpose, string Outcome);

/// <summary>Consent and other domain dates are Swedish calendar days, as the service counts them.</summary>
public static class SwedishDay
{
    public static DateOnly Today() => DateOnly.FromDateTime(
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm")));
}
