using Finsam.Platform.Storage;
using Finsam.Platform.Storage.MongoDb;
using MongoDB.Driver;

namespace Finsam.StorageContractTests.Fixtures;

/// <summary>
/// A fresh database on the server named by FINSAM_TEST_MONGO, dropped afterwards. Without that variable
/// every test that asks for the store is reported as skipped: no server is faked.
/// </summary>
public sealed class MongoStoreFixture : IStoreFixture, IAsyncLifetime
{
    public const string EnvironmentVariable = "FINSAM_TEST_MONGO";
    public const string SkipReason = "FINSAM_TEST_MONGO is not set: no MongoDB server can be installed on this machine";

    private readonly string? _connectionString = Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value ? value : null;
    private readonly string _databaseName = "finsam-contract-" + Guid.NewGuid().ToString("N")[..16];
    private MongoDocumentStore? _store;

    public IDocumentStore Store
    {
        get
        {
            Assert.SkipWhen(_connectionString is null, SkipReason);
            return _store ??= new MongoDocumentStore(_connectionString!, _databaseName);
        }
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_connectionString is not null && _store is not null)
        {
            await new MongoClient(_connectionString).DropDatabaseAsync(_databaseName);
        }
    }
}
