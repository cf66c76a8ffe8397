using System.Globalization;
using Finsam.Activities.Application.Access;
using Finsam.Activities.Domain.Groups;
using Finsam.Platform.Errors;
using Finsam.Platform.Security;
using Finsam.Platform.Time;

namespace Finsam.Activities.Application.Groups;

/// <summary>A träff ahead in one of the caller's groups.</summary>
public sealed record UpcomingTraff(Group Group, Traff Traff);

/// <summary>Reading groups: one, an insats' groups, the caller's own groups and their next träffar.</summary>
public sealed class GroupQueries(GroupUpdates updates, IGroupRepository groups, TimeProvider clock)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;
    public const int DefaultTraffLimit = 10;
    public const int MaxTraffLimit = 100;

    public async Task<Group> GetAsync(Caller caller, string? groupId, CancellationToken cancellationToken)
    {
        var group = await updates.GetAsync(groupId, cancellationToken);
        ActivitiesAccess.RequireGroupReader(caller, group);
        return group;
    }

    /// <summary>
    /// An insats' groups in start-date order (then scheduling order). The page token is the last group's start
    /// date and id, so a page stays put while groups are scheduled.
    /// </summary>
    public async Task<(IReadOnlyList<Group> Page, string? NextPageToken)> ListByInsatsAsync(
        Caller caller, string? insatsId, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        var id = insatsId?.Trim() ?? "";
        ActivitiesAccess.RequireInsatsGroupReader(caller, id);

        var violations = new List<FieldViolation>();
        if (id.Length is 0 or > ScheduleGroupHandler.MaxIdLength)
        {
            violations.Add(new FieldViolation("insats_id", "Insats-id saknas eller är för långt."));
        }

        if (pageSize is < 0 or > MaxPageSize)
        {
            violations.Add(new FieldViolation("page_size", $"page_size ska vara mellan 0 och {MaxPageSize}."));
        }

        var after = PageKey.Parse(pageToken, violations);
        if (violations.Count > 0)
        {
            throw new ValidationFailedException(violations);
        }

        var size = pageSize == 0 ? DefaultPageSize : pageSize;
        // The store pages by id; an insats has tens of groups, so its list is ordered by start date here.
        var all = await groups.ListByInsatsAsync(id, afterId: null, int.MaxValue, cancellationToken);
        var rest = all
            .Select(g => (Group: g, Key: new PageKey(g.StartDate, g.Id)))
            .Where(g => after is null || g.Key.CompareTo(after) > 0)
            .OrderBy(g => g.Key)
            .Take(size + 1)
            .ToList();
        return rest.Count > size
            ? (rest.Take(size).Select(g => g.Group).ToList(), rest[size - 1].Key.ToToken())
            : (rest.Select(g => g.Group).ToList(), null);
    }

    /// <summary>The groups the caller leads, by start date; ended ones only when asked for.</summary>
    public async Task<IReadOnlyList<Group>> ListMineAsync(Caller caller, bool includeEnded, CancellationToken cancellationToken) =>
        (await MyGroupsAsync(caller, cancellationToken))
        .Where(g => includeEnded || !g.IsEnded)
        .OrderBy(g => new PageKey(g.StartDate, g.Id))
        .ToList();

    /// <summary>Planned träffar from today (Stockholm) in the caller's running groups, soonest first.</summary>
    public async Task<IReadOnlyList<UpcomingTraff>> NextTraffarAsync(Caller caller, int limit, CancellationToken cancellationToken)
    {
        if (limit is < 0 or > MaxTraffLimit)
        {
            throw new ValidationFailedException([new FieldViolation("limit", $"limit ska vara mellan 0 och {MaxTraffLimit}.")]);
        }

        var today = SwedishCalendar.Today(clock);
        return (await MyGroupsAsync(caller, cancellationToken))
            .Where(g => !g.IsEnded)
            .SelectMany(g => g.Traffar
                .Where(t => t.Status == TraffStatus.Planned && t.Date >= today)
                .Select(t => new UpcomingTraff(g, t)))
            .OrderBy(u => u.Traff.Date)
            .ThenBy(u => u.Traff.StartTime)
            .ThenBy(u => u.Group.Id, StringComparer.Ordinal)
            .Take(limit == 0 ? DefaultTraffLimit : limit)
            .ToList();
    }

    /// <summary>
    /// Groups the caller leads by the same rule as every leader's right (<see cref="ActivitiesAccess.IsLeaderOf"/>):
    /// a subject on a group's leader list who signs in with another role gets none.
    /// </summary>
    private async Task<IEnumerable<Group>> MyGroupsAsync(Caller caller, CancellationToken cancellationToken) =>
        (await groups.ListByLeaderAsync(caller.Subject, cancellationToken)).Where(g => ActivitiesAccess.IsLeaderOf(caller, g));

    private sealed record PageKey(DateOnly StartDate, string GroupId) : IComparable<PageKey>
    {
        private const string DateFormat = "yyyyMMdd";

        public int CompareTo(PageKey? other) =>
            other is null ? 1
            : StartDate != other.StartDate ? StartDate.CompareTo(other.StartDate)
            : string.CompareOrdinal(GroupId, other.GroupId);

        public string ToToken() => StartDate.ToString(DateFormat, CultureInfo.InvariantCulture) + "_" + GroupId;

        public static PageKey? Parse(string? token, List<FieldViolation> violations)
        {
            if (string.IsNullOrEmpty(token))
            {
                return null;
            }

            var parts = token.Split('_', 2);
            if (parts.Length == 2
                && DateOnly.TryParseExact(parts[0], DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                && Guid.TryParse(parts[1], out _))
            {
                return new PageKey(date, parts[1]);
            }

            violations.Add(new FieldViolation("page_token", "page_token är ogiltig."));
            return null;
        }
    }
}
