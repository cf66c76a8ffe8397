using Finsam.Platform.Errors;

namespace Finsam.Activities.Application.Catalogue;

/// <summary>
/// Paging of the catalogue's lists (insatser, course formats): page_size 0 means the default, the page token is the
/// last id of the previous page, so a page stays right while items are added. Ids are UUIDs, so a token that
/// isn't one is refused before it reaches a store.
/// </summary>
public static class Paging
{
    /// <summary>The page size to use; throws naming page_size or page_token.</summary>
    public static int Validate(int pageSize, string? pageToken, int maxPageSize, int defaultPageSize)
    {
        var violations = new List<FieldViolation>();
        if (pageSize < 0 || pageSize > maxPageSize)
        {
            violations.Add(new FieldViolation("page_size", $"page_size ska vara mellan 0 och {maxPageSize}."));
        }

        if (!string.IsNullOrEmpty(pageToken) && !Guid.TryParse(pageToken, out _))
        {
            violations.Add(new FieldViolation("page_token", "page_token är ogiltig."));
        }

        if (violations.Count > 0)
        {
            throw new ValidationFailedException(violations);
        }

        return pageSize == 0 ? defaultPageSize : pageSize;
    }

    /// <summary>Given up to size + 1 items, the page and the next token (null on the last page).</summary>
    public static (IReadOnlyList<T> Page, string? NextPageToken) Cut<T>(IReadOnlyList<T> fetched, int size, Func<T, string> idOf) =>
        fetched.Count > size ? (fetched.Take(size).ToList(), idOf(fetched[size - 1])) : (fetched, null);
}
