using Finsam.Platform.Outbox;
using Finsam.Platform.Storage.LiteDb;
using Finsam.StorageContractTests.Contract;
using Finsam.StorageContractTests.Fixtures;

namespace Finsam.StorageContractTests;

/// <summary>The storage contract on the embedded LiteDB adapter, plus what only a file-backed store can show.</summary>
public sealed class LiteDbStorageContractTests(LiteDbStoreFixture fixture) : StorageContract(fixture), IClassFixture<LiteDbStoreFixture>
{
    [Fact]
    public async Task After_releasing_its_memory_the_store_keeps_its_data_and_collections_made_before_still_work()
    {
        using var store = new LiteDbDocumentStore(fixture.NewFilePath());
        var things = store.Collection<ThingDocument>("things");
        await things.EnsureIndexAsync(nameof(ThingDocument.Code), unique: true, Ct);
        await things.InsertAsync(new ThingDocument { Id = "before", Code = "B", Number = 1 }, Ct);

        store.ReleaseMemory();

        Assert.Equal(1, (await things.GetAsync("before", Ct))!.Number);
        await things.InsertAsync(new ThingDocument { Id = "after", Code = "A", Number = 2 }, Ct);
        await Assert.ThrowsAsync<Finsam.Platform.Storage.DuplicateKeyException>(() => things.InsertAsync(new ThingDocument { Id = "again", Code = "A", Number = 3 }, Ct));
        Assert.Equal(2, await things.CountAsync(null, Ct));
    }

    [Fact]
    public async Task Data_survives_closing_and_reopening_the_file()
    {
        var path = fixture.NewFilePath();
        string messageId;
        using (var first = new LiteDbDocumentStore(path))
        {
            var things = first.Collection<ThingDocument>("things");
            await things.EnsureIndexAsync(nameof(ThingDocument.Code), unique: true, Ct);
            await things.InsertAsync(new ThingDocument { Id = "kept", Code = "K", Number = 1 }, Ct);
            var loaded = (await things.GetAsync("kept", Ct))!;
            loaded.Number = 2;
            Assert.True(await things.ReplaceAsync(loaded, 1, Ct));

            var order = new OrderDocument { Id = "order", Customer = "C" };
            order.Enqueue(new Finsam.IntegrationEvents.Participants.V1.ParticipantRegistered("p", "man", 1970, DateTime.UtcNow));
            await first.Collection<OrderDocument>("orders").InsertAsync(order, Ct);
            messageId = order.Outbox[0].MessageId;
        }

        using var reopened = new LiteDbDocumentStore(path);
        var reopenedThings = reopened.Collection<ThingDocument>("things");
        var stored = await reopenedThings.GetAsync("kept", Ct);
        Assert.NotNull(stored);
        Assert.Equal(2, stored.Number);
        Assert.Equal(2, stored.Version);
        Assert.Equal(messageId, Assert.Single(await reopened.GetPendingOutboxAsync("orders", 10, Ct)).Entry.MessageId);

        // The unique index is part of the file too.
        var ex = await Assert.ThrowsAsync<Finsam.Platform.Storage.DuplicateKeyException>(
            () => reopenedThings.InsertAsync(new ThingDocument { Id = "other", Code = "K" }, Ct));
        Assert.Equal(nameof(ThingDocument.Code), ex.Index);
    }

    [Fact]
    public void Provider_is_litedb() => Assert.Equal("litedb", Store.Provider);
}
