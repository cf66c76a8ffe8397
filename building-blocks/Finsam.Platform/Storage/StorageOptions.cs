namespace Finsam.Platform.Storage;

/// <summary>Configuration section "Storage".</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>"LiteDb" (default: embedded, one machine, CI) or "MongoDb" (production).</summary>
    public string Provider { get; set; } = "LiteDb";

    /// <summary>Folder for LiteDB files; each service writes its own file, {service}.db.</summary>
    public string LiteDbDirectory { get; set; } = "data";

    public string? MongoConnectionString { get; set; }

    /// <summary>Defaults to finsam-{service}: each service its own database.</summary>
    public string? MongoDatabase { get; set; }
}
