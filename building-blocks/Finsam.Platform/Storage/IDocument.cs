namespace Finsam.Platform.Storage;

/// <summary>
/// A stored document: a string id (stored as _id) and a version used for optimistic concurrency.
/// Infrastructure maps domain objects to documents; the domain never sees this type.
/// </summary>
public interface IDocument
{
    string Id { get; set; }

    /// <summary>Bumped by every <see cref="IDocumentCollection{T}.ReplaceAsync"/>; starts at 1.</summary>
    long Version { get; set; }
}
