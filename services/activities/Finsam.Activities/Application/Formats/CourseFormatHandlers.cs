using Finsam.Activities.Application.Access;
using Finsam.Activities.Application.Catalogue;
using Finsam.Activities.Domain.Formats;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;

namespace Finsam.Activities.Application.Formats;

public sealed record DefineCourseFormatCommand(string? RequestId, CourseFormatDraft? Format);

public sealed record ChangeCourseFormatCommand(string? FormatId, string? Etag, CourseFormatDraft? Format);

/// <summary>
/// Course formats: define and change (administratör, insatsansvarig), look up and list (every signed-in caller:
/// a format says how a course runs, nothing about anyone in it). A change replaces the whole content; groups
/// already scheduled keep the rules they copied.
/// </summary>
public sealed class CourseFormatHandlers(ICourseFormatRepository formats, TimeProvider clock)
{
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 25;
    public const string ReasonNotFound = "COURSE_FORMAT_NOT_FOUND";
    public const string ReasonConflict = "COURSE_FORMAT_CHANGED";

    public async Task<CourseFormat> DefineAsync(Caller caller, DefineCourseFormatCommand command, CancellationToken cancellationToken)
    {
        ActivitiesAccess.RequireCatalogueEditor(caller);

        var violations = new List<FieldViolation>();
        var requestId = RequestIds.Parse(command.RequestId, violations);
        var content = CourseFormatRules.Validate(command.Format, violations);
        ValidationFailedException.ThrowIfAny(violations);

        if (requestId is not null && await formats.FindByRequestIdAsync(requestId, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var format = new CourseFormat(CourseFormat.NewId(), content!, SeedKey: null, clock.GetUtcNow().UtcDateTime);
        try
        {
            return await formats.AddAsync(format, requestId ?? $"auto:{format.Id}", cancellationToken);
        }
        catch (CourseFormatRequestIdTakenException) when (requestId is not null)
        {
            return await formats.FindByRequestIdAsync(requestId, cancellationToken)
                ?? throw new InvalidOperationException("A request id was taken but its course format is missing.");
        }
    }

    /// <summary>Replaces the content if the format is still at the version the caller read (stale: ABORTED). A seeded format keeps its key.</summary>
    public async Task<CourseFormat> ChangeAsync(Caller caller, ChangeCourseFormatCommand command, CancellationToken cancellationToken)
    {
        ActivitiesAccess.RequireCatalogueEditor(caller);

        var violations = new List<FieldViolation>();
        ValidateId(command.FormatId, violations);
        var etag = Etags.Parse(command.Etag, violations);
        var content = CourseFormatRules.Validate(command.Format, violations);
        ValidationFailedException.ThrowIfAny(violations);

        var stored = await formats.GetAsync(command.FormatId!, cancellationToken)
            ?? throw new NotFoundException(ReasonNotFound, "Kursformatet finns inte.");
        Etags.EnsureCurrent(etag!.Value, stored.Version, ReasonConflict, "Kursformatet");

        return await formats.TrySaveAsync(stored with { Content = content!, ChangedAt = clock.GetUtcNow().UtcDateTime }, cancellationToken)
            ?? throw new ConcurrencyConflictException(ReasonConflict, "Kursformatet har ändrats sedan du läste det. Läs om och försök igen.");
    }

    public async Task<CourseFormat> GetAsync(string? formatId, CancellationToken cancellationToken)
    {
        var violations = new List<FieldViolation>();
        ValidateId(formatId, violations);
        ValidationFailedException.ThrowIfAny(violations);

        return await formats.GetAsync(formatId!, cancellationToken)
            ?? throw new NotFoundException(ReasonNotFound, "Kursformatet finns inte.");
    }

    /// <summary>Formats in the order they were stored (the seeded ones first), paged like the insats catalogue.</summary>
    public async Task<(IReadOnlyList<CourseFormat> Page, string? NextPageToken)> ListAsync(int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        var size = Paging.Validate(pageSize, pageToken, MaxPageSize, DefaultPageSize);
        var page = await formats.ListAsync(string.IsNullOrEmpty(pageToken) ? null : pageToken, size + 1, cancellationToken);
        return Paging.Cut(page, size, f => f.Id);
    }

    private static void ValidateId(string? formatId, List<FieldViolation> violations)
    {
        if (string.IsNullOrEmpty(formatId) || !Guid.TryParse(formatId, out _))
        {
            violations.Add(new FieldViolation("format_id", "Kursformatets id saknas eller är ogiltigt."));
        }
    }
}
