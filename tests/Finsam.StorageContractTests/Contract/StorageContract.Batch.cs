using Finsam.Platform.Storage;

namespace Finsam.StorageContractTests.Contract;

/// <summary>The batch writes read models are rebuilt with: many upserts in one call, and emptying a collection.</summary>
public abstract partial class StorageContract
{
    [Fact]
    public async Task Upsert_many_inserts_new_and_overwrites_existing_documents()
    {
        var things = NewThings();
        await things.InsertAsync(Thing("old", category: "before", number: 1), Ct);

        await things.UpsertManyAsync([Thing("old", category: "after", number: 2), Thing("new-1", number: 3), Thing("new-2", number: 4)], Ct);

        Assert.Equal(3, await things.CountAsync(null, Ct));
        var old = (await things.GetAsync("old", Ct))!;
        Assert.Equal(("after", 2), (old.Category, old.Number));
        Assert.Equal(3, (await things.GetAsync("new-1", Ct))!.Number);
        Assert.Equal(1, (await things.GetAsync("new-2", Ct))!.Version);
    }

    [Fact]
    public async Task Upsert_many_with_one_id_twice_keeps_the_later()
    {
        var things = NewThings();

        await things.UpsertManyAsync([Thing("twice", number: 1), Thing("twice", number: 2)], Ct);

        Assert.Equal(2, Assert.Single(await things.FindAsync(t => t.Id == "twice", cancellationToken: Ct)).Number);
    }

    [Fact]
    public async Task Upsert_many_of_nothing_writes_nothing()
    {
        var things = NewThings();
        await things.InsertAsync(Thing("kept"), Ct);

        await things.UpsertManyAsync([], Ct);

        Assert.Equal(1, await things.CountAsync(null, Ct));
    }

    [Fact]
    public async Task Upsert_many_of_thousands_stores_every_one()
    {
        var things = NewThings();
        var batch = Enumerable.Range(0, 5_000).Select(i => Thing($"t{i:D5}", category: i % 2 == 0 ? "even" : "odd", number: i)).ToList();

        await things.UpsertManyAsync(batch, Ct);

        Assert.Equal(5_000, await things.CountAsync(null, Ct));
        Assert.Equal(2_500, await things.CountAsync(t => t.Category == "even", Ct));
        Assert.Equal(4_999, (await things.GetAsync("t04999", Ct))!.Number);
    }

    [Fact]
    public async Task Upsert_many_that_hits_a_unique_index_throws_duplicate_key_naming_the_field()
    {
        var things = NewThings();
        await things.EnsureIndexAsync(nameof(ThingDocument.Code), unique: true, Ct);
        await things.InsertAsync(Thing("holder", code: "taken"), Ct);

        var ex = await Assert.ThrowsAsync<DuplicateKeyException>(
            () => things.UpsertManyAsync([Thing("other", code: "taken")], Ct));

        Assert.Equal(nameof(ThingDocument.Code), ex.Index);
        Assert.Null(await things.GetAsync("other", Ct));
        Assert.Equal("taken", (await things.GetAsync("holder", Ct))!.Code);
    }

    [Fact]
    public async Task Delete_all_empties_the_collection_and_keeps_its_indexes()
    {
        var things = NewThings();
        await things.EnsureIndexAsync(nameof(ThingDocument.Code), unique: true, Ct);
        await things.UpsertManyAsync([Thing("a", code: "A"), Thing("b", code: "B"), Thing("c", code: "C")], Ct);

        Assert.Equal(3, await things.DeleteAllAsync(Ct));

        Assert.Equal(0, await things.CountAsync(null, Ct));
        Assert.Equal(0, await things.DeleteAllAsync(Ct));
        // The unique index still holds after the collection was emptied and filled again.
        await things.InsertAsync(Thing("d", code: "A"), Ct);
        await Assert.ThrowsAsync<DuplicateKeyException>(() => things.InsertAsync(Thing("e", code: "A"), Ct));
    }
}
