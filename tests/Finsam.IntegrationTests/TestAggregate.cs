using Finsam.Platform.Outbox;

namespace Finsam.IntegrationTests;

/// <summary>A stand-in aggregate whose document carries an outbox, as a service's aggregates do.</summary>
public sealed class TestAggregate : OutboxDocument
{
    public const string CollectionName = "aggregates";

    public string Label { get; set; } = "";
}
