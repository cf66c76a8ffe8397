using Finsam.Activities.Domain.Formats;

namespace Finsam.Activities.Application.Formats;

/// <summary>The course formats' storage port.</summary>
public interface ICourseFormatRepository
{
    /// <summary>Stores a new format (Version becomes 1). Throws <see cref="CourseFormatRequestIdTakenException"/> on a used request id or seed key.</summary>
    Task<CourseFormat> AddAsync(CourseFormat format, string requestId, CancellationToken cancellationToken);

    Task<CourseFormat?> GetAsync(string formatId, CancellationToken cancellationToken);

    Task<CourseFormat?> FindByRequestIdAsync(string requestId, CancellationToken cancellationToken);

    Task<CourseFormat?> FindBySeedKeyAsync(string seedKey, CancellationToken cancellationToken);

    /// <summary>Formats in id (= creation) order after <paramref name="afterId"/>.</summary>
    Task<IReadOnlyList<CourseFormat>> ListAsync(string? afterId, int limit, CancellationToken cancellationToken);

    /// <summary>Saves the format if the stored version is still <see cref="CourseFormat.Version"/>; returns the saved format, or null on a conflict.</summary>
    Task<CourseFormat?> TrySaveAsync(CourseFormat format, CancellationToken cancellationToken);
}

public sealed class CourseFormatRequestIdTakenException() : Exception("The request id or seed key has already been used.");
