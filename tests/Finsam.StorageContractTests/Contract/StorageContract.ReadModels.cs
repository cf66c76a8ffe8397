using Finsam.Reporting.Application.ReadModels;
using Finsam.Reporting.Domain.Persons;
using Finsam.Reporting.Domain.Stays;
using Finsam.Reporting.Infrastructure.ReadModels;

namespace Finsam.StorageContractTests.Contract;

/// <summary>Reporting's stored read models on each store: entities by kind and key, the checkpoint, clearing for a rebuild.</summary>
public abstract partial class StorageContract
{
    private static PersonFacts Person(string id, string gender) =>
        new(id, gender, 1985, new DateTime(2025, 2, 3, 4, 5, 6, DateTimeKind.Utc),
            new FactVersion(new DateTime(2025, 2, 3, 4, 5, 6, DateTimeKind.Utc), false, FactVersion.KeyOf(gender)));

    private static async Task<List<ReadModelEntity>> LoadAllAsync(IReadModelStore store, string kind, Type type)
    {
        var loaded = new List<ReadModelEntity>();
        await foreach (var entity in store.LoadAsync(kind, type, Ct))
        {
            loaded.Add(entity);
        }

        return loaded;
    }

    [Fact]
    public async Task Read_models_load_by_kind_what_was_saved_with_the_checkpoint()
    {
        var store = new DocumentReadModelStore(Store);
        var kind = "persons" + Guid.NewGuid().ToString("N")[..8];
        var neighbour = kind + "x"; // a kind whose name starts with this one's: none of its entities may leak in
        // Enough to fill most of the book's buckets, and so more than one batch and one load page of them.
        var people = Enumerable.Range(0, 5_000).Select(i => Person($"p{i:D5}", i % 3 == 0 ? "man" : "woman")).ToList();

        await store.SaveAsync(
            [.. people.Select(p => new ReadModelEntity(kind, p.ParticipantId, p)), new ReadModelEntity(neighbour, "p00000", Person("n", "other"))],
            new ReadModelCheckpoint(41, 3),
            Ct);

        // In bucket order, not key order: the order a book's entities come in means nothing.
        var loaded = (await LoadAllAsync(store, kind, typeof(PersonFacts))).OrderBy(l => l.Key, StringComparer.Ordinal).ToList();
        Assert.Equal(people.Select(p => p.ParticipantId), loaded.Select(l => l.Key));
        Assert.All(loaded, l => Assert.Equal(kind, l.Kind));
        Assert.Equal(people, loaded.Select(l => (PersonFacts)l.Entity!));
        Assert.Equal(new ReadModelCheckpoint(41, 3), await store.GetCheckpointAsync(Ct));
    }

    [Fact]
    public async Task Read_models_saved_again_overwrite_and_a_removal_deletes()
    {
        var store = new DocumentReadModelStore(Store);
        var kind = "persons" + Guid.NewGuid().ToString("N")[..8];
        await store.SaveAsync([new(kind, "a", Person("a", "man")), new(kind, "b", Person("b", "man"))], new ReadModelCheckpoint(1, 0), Ct);

        await store.SaveAsync([new(kind, "a", Person("a", "woman")), new(kind, "b", null)], new ReadModelCheckpoint(2, 0), Ct);

        var loaded = Assert.Single(await LoadAllAsync(store, kind, typeof(PersonFacts)));
        Assert.Equal("woman", ((PersonFacts)loaded.Entity!).Gender);
        Assert.Equal(new ReadModelCheckpoint(2, 0), await store.GetCheckpointAsync(Ct));
    }

    [Fact]
    public async Task Read_models_cleared_leave_no_entity_and_the_start_checkpoint()
    {
        var store = new DocumentReadModelStore(Store);
        var kind = "stays" + Guid.NewGuid().ToString("N")[..8];
        await store.SaveAsync([new(kind, "e-1", new Stay("e-1"))], new ReadModelCheckpoint(9, 1), Ct);

        await store.ClearAsync(Ct);

        Assert.Empty(await LoadAllAsync(store, kind, typeof(Stay)));
        Assert.Equal(ReadModelCheckpoint.Start, await store.GetCheckpointAsync(Ct));
    }
}
