using Finsam.Platform.Storage;

namespace Finsam.Activities.Infrastructure.Formats;

/// <summary>A course format as stored: the content as JSON (read and written whole), the lookup keys beside it.</summary>
public sealed class CourseFormatDocument : IDocument
{
    public const string CollectionName = "course_formats";

    public string Id { get; set; } = "";

    public long Version { get; set; }

    /// <summary>Unique. A seeded format is stored with "seed:" + its seed key, so seeding twice stores it once.</summary>
    public string RequestId { get; set; } = "";

    public string? SeedKey { get; set; }

    public DateTime ChangedAt { get; set; }

    /// <summary>The <see cref="Domain.Formats.CourseFormatContent"/> serialized with System.Text.Json.</summary>
    public string Content { get; set; } = "";
}
