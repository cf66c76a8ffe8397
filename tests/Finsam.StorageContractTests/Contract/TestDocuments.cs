using Finsam.Platform.Outbox;
using Finsam.Platform.Storage;

namespace Finsam.StorageContractTests.Contract;

/// <summary>A plain document for the store contract.</summary>
public sealed class ThingDocument : IDocument
{
    public string Id { get; set; } = "";

    public long Version { get; set; }

    public string Code { get; set; } = "";

    public string Category { get; set; } = "";

    public int Number { get; set; }
}

/// <summary>A document that carries events.</summary>
public sealed class OrderDocument : OutboxDocument
{
    public string Customer { get; set; } = "";

    public int Amount { get; set; }
}
