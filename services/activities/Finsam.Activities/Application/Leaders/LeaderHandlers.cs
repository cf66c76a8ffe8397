using Finsam.Activities.Application.Access;
using Finsam.Activities.Application.Catalogue;
using Finsam.Activities.Domain.Leaders;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;
using Finsam.Platform.Validation;

namespace Finsam.Activities.Application.Leaders;

public sealed record RegisterLeaderCommand(string? Subject, string? DisplayName, string? Agency, IReadOnlyList<string> Qualifications);

/// <summary>
/// The registry of group leaders: registered (or replaced) by an administratör, read by those who assign leaders
/// and by the leaders themselves. A leader is known by the subject of their sign-in token, exactly as the token
/// spells it, so it is neither trimmed nor case-folded.
/// </summary>
public sealed class LeaderHandlers(ILeaderRegistry registry, TimeProvider clock)
{
    public const int MaxSubjectLength = 200;
    public const int MaxDisplayNameLength = 200;
    public const int MaxQualifications = 20;
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 25;
    public const string ReasonNotFound = "LEADER_NOT_FOUND";

    /// <summary>
    /// Registers the leader or replaces their entry. Registering again with the same facts changes nothing, and a
    /// replaced entry keeps the time the leader was first registered.
    /// </summary>
    public async Task<Leader> RegisterAsync(Caller caller, RegisterLeaderCommand command, CancellationToken cancellationToken)
    {
        ActivitiesAccess.RequireAdministrator(caller);

        var violations = new List<FieldViolation>();
        ValidateSubject(command.Subject, "subject", violations);
        var displayName = FreeText.Validate(command.DisplayName, "display_name", "Ledarens namn", MaxDisplayNameLength, required: true, multiline: false, violations);
        if (!Agencies.IsKnown(command.Agency))
        {
            violations.Add(new FieldViolation("agency", $"Ange vilken aktör ledaren arbetar för: {string.Join(", ", Agencies.All)}."));
        }

        var qualifications = ValidateQualifications(command.Qualifications, violations);
        ValidationFailedException.ThrowIfAny(violations);

        var earlier = await registry.GetAsync(command.Subject!, cancellationToken);
        var leader = new Leader(command.Subject!, displayName!, command.Agency!, qualifications, earlier?.RegisteredAt ?? clock.GetUtcNow().UtcDateTime);
        await registry.UpsertAsync(leader, cancellationToken);
        return leader;
    }

    public async Task<Leader> GetAsync(Caller caller, string? subject, CancellationToken cancellationToken)
    {
        ActivitiesAccess.RequireLeaderRegistryReader(caller);

        var violations = new List<FieldViolation>();
        ValidateSubject(subject, "subject", violations);
        ValidationFailedException.ThrowIfAny(violations);

        return await registry.GetAsync(subject!, cancellationToken)
            ?? throw new NotFoundException(ReasonNotFound, "Ledaren finns inte i ledarregistret.");
    }

    /// <summary>Leaders in subject order; the page token is the last subject of the previous page.</summary>
    public async Task<(IReadOnlyList<Leader> Page, string? NextPageToken)> ListAsync(
        Caller caller, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        ActivitiesAccess.RequireLeaderRegistryReader(caller);

        var violations = new List<FieldViolation>();
        if (pageSize is < 0 or > MaxPageSize)
        {
            violations.Add(new FieldViolation("page_size", $"page_size ska vara mellan 0 och {MaxPageSize}."));
        }

        if (!string.IsNullOrEmpty(pageToken))
        {
            ValidateSubject(pageToken, "page_token", violations);
        }

        ValidationFailedException.ThrowIfAny(violations);

        var size = pageSize == 0 ? DefaultPageSize : pageSize;
        var page = await registry.ListAsync(string.IsNullOrEmpty(pageToken) ? null : pageToken, size + 1, cancellationToken);
        return Paging.Cut(page, size, l => l.Subject);
    }

    private static void ValidateSubject(string? subject, string field, List<FieldViolation> violations)
    {
        if (string.IsNullOrWhiteSpace(subject))
        {
            violations.Add(new FieldViolation(field, "Ledarens användar-id (subject) saknas."));
        }
        else if (subject.Length > MaxSubjectLength || !FreeText.IsPrintable(subject, multiline: false) || subject.Trim().Length != subject.Length)
        {
            violations.Add(new FieldViolation(
                field, $"Användar-id (subject) får vara högst {MaxSubjectLength} tecken, utan styrtecken och utan blanksteg först eller sist."));
        }
    }

    /// <summary>The qualifications in ordinal order, each once.</summary>
    private static List<string> ValidateQualifications(IReadOnlyList<string> qualifications, List<FieldViolation> violations)
    {
        if (qualifications.Count > MaxQualifications)
        {
            violations.Add(new FieldViolation("qualifications", $"En ledare kan ha högst {MaxQualifications} kvalifikationer."));
            return [];
        }

        for (var i = 0; i < qualifications.Count; i++)
        {
            if (!Qualifications.IsValidToken(qualifications[i]))
            {
                violations.Add(new FieldViolation(
                    $"qualifications[{i}]",
                    $"\"{EchoedInput.Shorten(qualifications[i])}\": en kvalifikation skrivs med små bokstäver a–z, siffror och bindestreck, t.ex. redo-certifierad-arbetsterapeut."));
            }
        }

        return qualifications.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }
}
