using Finsam.Activities.Application.Access;
using Finsam.Activities.Application.Catalogue;
using Finsam.Activities.Domain.Counts;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;

namespace Finsam.Activities.Application.Counts;

/// <summary>Reading an insats' count registrations: the same people who register them.</summary>
public sealed class InsatsCountQueries(IInsatsCountRepository counts, IInsatsRepository insatser)
{
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 25;

    /// <summary>
    /// The insats' registrations in the order they were made (ids are time-ordered), optionally only those whose period
    /// lies in <paramref name="year"/> (0: every year). The page token is the last id of the previous page.
    /// </summary>
    public async Task<(IReadOnlyList<InsatsCountRegistration> Page, string? NextPageToken)> ListAsync(
        Caller caller, string? insatsId, int year, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        ActivitiesAccess.RequireCountRegistrar(caller, insatsId?.Trim() ?? "");

        var violations = new List<FieldViolation>();
        var id = CountFields.InsatsId(insatsId, violations);
        if (year != 0 && year is < 1900 or > 2200)
        {
            violations.Add(new FieldViolation("year", "Året ska vara mellan 1900 och 2200 (0 = alla år)."));
        }

        ValidationFailedException.ThrowIfAny(violations);
        var size = Paging.Validate(pageSize, pageToken, MaxPageSize, DefaultPageSize);

        await CountOnlyInsats.LoadAsync(insatser, id!, cancellationToken);
        var after = string.IsNullOrEmpty(pageToken) ? null : pageToken;
        // A period lies inside one calendar year, so its last day says which year it is in.
        var matching = (await counts.ListByInsatsAsync(id!, after, cancellationToken))
            .Where(r => year == 0 || r.PeriodTo.Year == year)
            .Take(size + 1)
            .ToList();
        return Paging.Cut(matching, size, r => r.Id);
    }
}
