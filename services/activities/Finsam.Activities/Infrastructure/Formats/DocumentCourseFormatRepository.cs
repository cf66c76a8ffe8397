using System.Text.Json;
using Finsam.Activities.Application.Formats;
using Finsam.Activities.Domain.Formats;
using Finsam.Platform.Storage;

namespace Finsam.Activities.Infrastructure.Formats;

public sealed class DocumentCourseFormatRepository(IDocumentStore store) : ICourseFormatRepository
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    private readonly IDocumentCollection<CourseFormatDocument> _formats = store.Collection<CourseFormatDocument>(CourseFormatDocument.CollectionName);

    public static async Task EnsureIndexesAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        var formats = store.Collection<CourseFormatDocument>(CourseFormatDocument.CollectionName);
        await formats.EnsureIndexAsync(nameof(CourseFormatDocument.RequestId), unique: true, cancellationToken);
    }

    public async Task<CourseFormat> AddAsync(CourseFormat format, string requestId, CancellationToken cancellationToken)
    {
        var document = new CourseFormatDocument
        {
            Id = format.Id,
            RequestId = requestId,
            SeedKey = format.SeedKey,
            ChangedAt = format.ChangedAt,
            Content = JsonSerializer.Serialize(format.Content, Json),
        };
        try
        {
            await _formats.InsertAsync(document, cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            throw new CourseFormatRequestIdTakenException();
        }

        return format with { Version = document.Version };
    }

    public async Task<CourseFormat?> GetAsync(string formatId, CancellationToken cancellationToken) =>
        ToDomain(await _formats.GetAsync(formatId, cancellationToken));

    public async Task<CourseFormat?> FindByRequestIdAsync(string requestId, CancellationToken cancellationToken) =>
        ToDomain((await _formats.FindAsync(f => f.RequestId == requestId, 1, cancellationToken)).FirstOrDefault());

    public async Task<CourseFormat?> FindBySeedKeyAsync(string seedKey, CancellationToken cancellationToken) =>
        ToDomain((await _formats.FindAsync(f => f.SeedKey == seedKey, 1, cancellationToken)).FirstOrDefault());

    public async Task<IReadOnlyList<CourseFormat>> ListAsync(string? afterId, int limit, CancellationToken cancellationToken) =>
        (await _formats.ListAfterAsync(afterId, limit, cancellationToken)).Select(d => ToDomain(d)!).ToList();

    public async Task<CourseFormat?> TrySaveAsync(CourseFormat format, CancellationToken cancellationToken)
    {
        var document = await _formats.GetAsync(format.Id, cancellationToken);
        if (document is null || document.Version != format.Version)
        {
            return null;
        }

        document.ChangedAt = format.ChangedAt;
        document.Content = JsonSerializer.Serialize(format.Content, Json);
        return await _formats.ReplaceAsync(document, format.Version, cancellationToken)
            ? format with { Version = document.Version }
            : null;
    }

    private static CourseFormat? ToDomain(CourseFormatDocument? document) => document is null
        ? null
        : new CourseFormat(
            document.Id,
            JsonSerializer.Deserialize<CourseFormatContent>(document.Content, Json)
                ?? throw new InvalidOperationException($"Course format {document.Id} has no content."),
            document.SeedKey,
            DateTime.SpecifyKind(document.ChangedAt.ToUniversalTime(), DateTimeKind.Utc),
            document.Version);
}
