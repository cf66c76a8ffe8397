using Finsam.StorageContractTests.Contract;
using Finsam.StorageContractTests.Fixtures;

namespace Finsam.StorageContractTests;

/// <summary>
/// The storage contract on MongoDB. Runs only against a real server named by FINSAM_TEST_MONGO
/// (e.g. mongodb://localhost:27017); otherwise every test is reported as skipped.
/// </summary>
public sealed class MongoStorageContractTests(MongoStoreFixture fixture) : StorageContract(fixture), IClassFixture<MongoStoreFixture>
{
    [Fact]
    public void Provider_is_mongodb() => Assert.Equal("mongodb", Store.Provider);
}
