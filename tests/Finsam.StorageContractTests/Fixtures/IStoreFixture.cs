using Finsam.Platform.Storage;

namespace Finsam.StorageContractTests.Fixtures;

/// <summary>One store per test class. Each contract test works in its own collection (or with its own keys).</summary>
public interface IStoreFixture
{
    /// <summary>The store under test. Skips the calling test when the adapter can't run on this machine.</summary>
    IDocumentStore Store { get; }
}
