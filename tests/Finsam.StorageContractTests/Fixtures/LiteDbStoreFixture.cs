using Finsam.Platform.Storage;
using Finsam.Platform.Storage.LiteDb;

namespace Finsam.StorageContractTests.Fixtures;

/// <summary>A fresh LiteDB file in its own temporary folder for one test class; both are deleted afterwards.</summary>
public sealed class LiteDbStoreFixture : IStoreFixture, IDisposable
{
    private readonly LiteDbDocumentStore _store;

    public LiteDbStoreFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "finsam-contract-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        _store = new LiteDbDocumentStore(Path.Combine(Directory, "contract.db"));
    }

    /// <summary>The temporary folder; tests that need their own file (reopen) create it here.</summary>
    public string Directory { get; }

    public IDocumentStore Store => _store;

    public string NewFilePath() => Path.Combine(Directory, Guid.NewGuid().ToString("N") + ".db");

    public void Dispose()
    {
        _store.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A store a failed test left open; the OS temp cleaner will get it.
        }
    }
}
