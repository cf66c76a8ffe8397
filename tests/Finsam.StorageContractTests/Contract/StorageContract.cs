using Finsam.IntegrationEvents.Participants.V1;
using Finsam.Platform.Storage;
using Finsam.StorageContractTests.Fixtures;

namespace Finsam.StorageContractTests.Contract;

/// <summary>
/// What every <see cref="IDocumentStore"/> adapter must do, and what the repositories built on it rely on.
/// Each adapter runs the whole suite through a subclass. Every test starts by asking for <see cref="Store"/>,
/// so an adapter that can't run here skips every test.
/// </summary>
public abstract partial class StorageContract(IStoreFixture fixture)
{
    protected IDocumentStore Store => fixture.Store;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Each test works in its own collection, so tests sharing a store can't see each other.</summary>
    protected IDocumentCollection<T> NewCollection<T>(out string name) where T : class, IDocument
    {
        var store = Store;
        name = "c" + Guid.NewGuid().ToString("N")[..20];
        return store.Collection<T>(name);
    }

    protected IDocumentCollection<ThingDocument> NewThings() => NewCollection<ThingDocument>(out _);

    private static ThingDocument Thing(string id, string code = "", string category = "a", int number = 0) =>
        new() { Id = id, Code = code == "" ? "code-" + id : code, Category = category, Number = number };

    [Fact]
    public void Provider_is_named()
    {
        Assert.Contains(Store.Provider, new[] { "litedb", "mongodb" });
    }

    [Fact]
    public async Task Ping_succeeds()
    {
        await Store.PingAsync(Ct);
    }

    [Fact]
    public async Task Insert_sets_version_1_and_get_returns_the_document()
    {
        var things = NewThings();
        var thing = Thing("t1", category: "x", number: 42);
        thing.Version = 17;

        await things.InsertAsync(thing, Ct);

        Assert.Equal(1, thing.Version);
        var stored = await things.GetAsync("t1", Ct);
        Assert.NotNull(stored);
        Assert.Equal(1, stored.Version);
        Assert.Equal("t1", stored.Id);
        Assert.Equal("code-t1", stored.Code);
        Assert.Equal("x", stored.Category);
        Assert.Equal(42, stored.Number);
    }

    [Fact]
    public async Task Get_of_a_missing_id_is_null()
    {
        var things = NewThings();
        await things.InsertAsync(Thing("present"), Ct);

        Assert.Null(await things.GetAsync("absent", Ct));
    }

    [Fact]
    public async Task Inserting_an_existing_id_throws_duplicate_key_on_id()
    {
        var things = NewThings();
        await things.InsertAsync(Thing("same", number: 1), Ct);

        var ex = await Assert.ThrowsAsync<DuplicateKeyException>(() => things.InsertAsync(Thing("same", code: "other", number: 2), Ct));

        Assert.Equal("_id", ex.Index);
        Assert.Equal(1, (await things.GetAsync("same", Ct))!.Number);
        Assert.Equal(1, await things.CountAsync(null, Ct));
    }

    [Fact]
    public async Task Unique_index_violation_names_the_field_but_not_the_value()
    {
        var things = NewThings();
        await things.EnsureIndexAsync(nameof(ThingDocument.Code), unique: true, Ct);
        const string secret = "191212121212";
        await things.InsertAsync(Thing("first", code: secret), Ct);

        var ex = await Assert.ThrowsAsync<DuplicateKeyException>(() => things.InsertAsync(Thing("second", code: secret), Ct));

        Assert.Equal(nameof(ThingDocument.Code), ex.Index);
        Assert.DoesNotContain(secret, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, ex.ToString(), StringComparison.Ordinal);
        Assert.Null(await things.GetAsync("second", Ct));
    }

    [Fact]
    public async Task Non_unique_index_allows_equal_values()
    {
        var things = NewThings();
        await things.EnsureIndexAsync(nameof(ThingDocument.Category), unique: false, Ct);

        await things.InsertAsync(Thing("a1", category: "same"), Ct);
        await things.InsertAsync(Thing("a2", category: "same"), Ct);

        Assert.Equal(2, await things.CountAsync(t => t.Category == "same", Ct));
    }

    [Fact]
    public async Task Ensure_index_is_idempotent()
    {
        var things = NewThings();
        await things.EnsureIndexAsync(nameof(ThingDocument.Code), unique: true, Ct);
        await things.EnsureIndexAsync(nameof(ThingDocument.Code), unique: true, Ct);
        await things.EnsureIndexAsync(nameof(ThingDocument.Category), unique: false, Ct);
        await things.EnsureIndexAsync(nameof(ThingDocument.Category), unique: false, Ct);
        await things.InsertAsync(Thing("one", code: "dup"), Ct);

        // Still enforced after being ensured twice.
        var ex = await Assert.ThrowsAsync<DuplicateKeyException>(() => things.InsertAsync(Thing("two", code: "dup"), Ct));
        Assert.Equal(nameof(ThingDocument.Code), ex.Index);
    }

    [Fact]
    public async Task Replace_with_the_current_version_bumps_it()
    {
        var things = NewThings();
        await things.InsertAsync(Thing("r", number: 1), Ct);
        var loaded = (await things.GetAsync("r", Ct))!;
        loaded.Number = 2;

        Assert.True(await things.ReplaceAsync(loaded, 1, Ct));

        Assert.Equal(2, loaded.Version);
        var stored = (await things.GetAsync("r", Ct))!;
        Assert.Equal(2, stored.Version);
        Assert.Equal(2, stored.Number);

        stored.Number = 3;
        Assert.True(await things.ReplaceAsync(stored, 2, Ct));
        Assert.Equal(3, (await things.GetAsync("r", Ct))!.Version);
    }

    [Fact]
    public async Task Replace_with_a_stale_version_returns_false_and_changes_nothing()
    {
        var things = NewThings();
        await things.InsertAsync(Thing("r", number: 1), Ct);
        var mine = (await things.GetAsync("r", Ct))!;
        var theirs = (await things.GetAsync("r", Ct))!;
        theirs.Number = 2;
        Assert.True(await things.ReplaceAsync(theirs, 1, Ct));

        mine.Number = 99;
        var replaced = await things.ReplaceAsync(mine, 1, Ct);

        Assert.False(replaced);
        var stored = (await things.GetAsync("r", Ct))!;
        Assert.Equal(2, stored.Number);
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task Replace_of_a_missing_document_returns_false_and_creates_nothing()
    {
        var things = NewThings();

        Assert.False(await things.ReplaceAsync(Thing("ghost"), 1, Ct));

        Assert.Null(await things.GetAsync("ghost", Ct));
        Assert.Equal(0, await things.CountAsync(null, Ct));
    }

    [Fact]
    public async Task Replace_that_hits_a_unique_index_throws_and_keeps_the_stored_document()
    {
        var things = NewThings();
        await things.EnsureIndexAsync(nameof(ThingDocument.Code), unique: true, Ct);
        await things.InsertAsync(Thing("a", code: "A"), Ct);
        await things.InsertAsync(Thing("b", code: "B"), Ct);
        var b = (await things.GetAsync("b", Ct))!;
        b.Code = "A";

        var ex = await Assert.ThrowsAsync<DuplicateKeyException>(() => things.ReplaceAsync(b, 1, Ct));

        Assert.Equal(nameof(ThingDocument.Code), ex.Index);
        var stored = (await things.GetAsync("b", Ct))!;
        Assert.Equal("B", stored.Code);
        Assert.Equal(1, stored.Version);
    }

    [Fact]
    public async Task Concurrent_replaces_of_one_version_let_exactly_one_win()
    {
        var things = NewThings();
        await things.InsertAsync(Thing("hot", number: 0), Ct);

        var results = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => Task.Run(async () =>
        {
            var copy = Thing("hot", code: "code-hot", number: i);
            return await things.ReplaceAsync(copy, 1, Ct);
        }, Ct)));

        Assert.Single(results, r => r);
        var stored = (await things.GetAsync("hot", Ct))!;
        Assert.Equal(2, stored.Version);
        Assert.Equal(Array.IndexOf(results, true) + 1, stored.Number);
    }

    [Fact]
    public async Task Upsert_inserts_then_overwrites()
    {
        var things = NewThings();

        await things.UpsertAsync(Thing("u", number: 1), Ct);
        var first = (await things.GetAsync("u", Ct))!;
        Assert.Equal(1, first.Number);
        Assert.Equal(1, first.Version);

        await things.UpsertAsync(Thing("u", category: "changed", number: 2), Ct);

        var second = (await things.GetAsync("u", Ct))!;
        Assert.Equal(2, second.Number);
        Assert.Equal("changed", second.Category);
        Assert.Equal(1, await things.CountAsync(null, Ct));
    }

    [Fact]
    public async Task Find_with_a_captured_variable_and_a_limit()
    {
        var things = NewThings();
        for (var i = 0; i < 6; i++)
        {
            await things.InsertAsync(Thing($"f{i}", category: i % 2 == 0 ? "even" : "odd", number: i), Ct);
        }

        var wanted = "even";
        var threshold = 1;
        var all = await things.FindAsync(t => t.Category == wanted, cancellationToken: Ct);
        var limited = await things.FindAsync(t => t.Category == wanted && t.Number > threshold, 1, Ct);
        var none = await things.FindAsync(t => t.Category == "missing", cancellationToken: Ct);

        Assert.Equal(["f0", "f2", "f4"], all.Select(t => t.Id).Order(StringComparer.Ordinal));
        var one = Assert.Single(limited);
        Assert.Contains(one.Id, new[] { "f2", "f4" });
        Assert.Empty(none);
    }

    [Fact]
    public async Task Count_with_and_without_a_filter()
    {
        var things = NewThings();
        Assert.Equal(0, await things.CountAsync(null, Ct));
        for (var i = 0; i < 5; i++)
        {
            await things.InsertAsync(Thing($"c{i}", number: i), Ct);
        }

        var min = 3;

        Assert.Equal(5, await things.CountAsync(null, Ct));
        Assert.Equal(2, await things.CountAsync(t => t.Number >= min, Ct));
        Assert.Equal(0, await things.CountAsync(t => t.Number > 100, Ct));
    }

    [Fact]
    public async Task List_after_pages_in_id_order_without_overlap_or_gaps()
    {
        var things = NewThings();
        var ids = Enumerable.Range(0, 10).Select(i => $"doc-{i:D2}").ToList();
        foreach (var id in ids.OrderBy(_ => Random.Shared.Next()))
        {
            await things.InsertAsync(Thing(id), Ct);
        }

        var seen = new List<string>();
        string? after = null;
        var pageSizes = new List<int>();
        while (true)
        {
            var page = await things.ListAfterAsync(after, 3, Ct);
            pageSizes.Add(page.Count);
            if (page.Count == 0)
            {
                break;
            }

            seen.AddRange(page.Select(d => d.Id));
            after = page[^1].Id;
        }

        Assert.Equal(ids, seen);
        Assert.Equal([3, 3, 3, 1, 0], pageSizes);
        Assert.Equal(["doc-05", "doc-06"], (await things.ListAfterAsync("doc-04", 2, Ct)).Select(d => d.Id));
        // An id that isn't stored still works as a cursor.
        Assert.Equal(["doc-05"], (await things.ListAfterAsync("doc-04x", 1, Ct)).Select(d => d.Id));
        Assert.Empty(await things.ListAfterAsync("doc-09", 5, Ct));
    }

    [Fact]
    public async Task Find_ordered_returns_matches_in_field_order_up_to_the_limit()
    {
        var things = NewThings();
        await things.EnsureIndexAsync(nameof(ThingDocument.Number), unique: false, Ct);
        // Ids in the opposite order to the numbers, so id order can't pass for field order.
        foreach (var n in new[] { 7, 2, 9, 4, 1 })
        {
            await things.InsertAsync(Thing($"doc-{10 - n:D2}", number: n), Ct);
        }

        Assert.Equal([2, 4, 7], (await things.FindOrderedAsync(t => t.Number > 1, t => t.Number, 3, Ct)).Select(t => t.Number));
        Assert.Equal([9], (await things.FindOrderedAsync(t => t.Number > 7, t => t.Number, 3, Ct)).Select(t => t.Number));
        Assert.Empty(await things.FindOrderedAsync(t => t.Number > 9, t => t.Number, 3, Ct));
    }

    [Fact]
    public async Task Strings_compare_by_exact_value_not_ignoring_case()
    {
        var things = NewThings();
        await things.EnsureIndexAsync(nameof(ThingDocument.Code), unique: true, Ct);

        await things.InsertAsync(Thing("abc", code: "code", category: "woman"), Ct);
        await things.InsertAsync(Thing("ABC", code: "CODE", category: "Woman"), Ct);

        Assert.Equal(2, await things.CountAsync(null, Ct));
        Assert.Equal("code", (await things.GetAsync("abc", Ct))!.Code);
        Assert.Equal("CODE", (await things.GetAsync("ABC", Ct))!.Code);
        Assert.Equal(["abc"], (await things.FindAsync(t => t.Category == "woman", cancellationToken: Ct)).Select(t => t.Id));
        Assert.Equal(1, await things.CountAsync(t => t.Category == "Woman", Ct));
    }

    [Fact]
    public async Task Delete_removes_one_document()
    {
        var things = NewThings();
        await things.InsertAsync(Thing("keep"), Ct);
        await things.InsertAsync(Thing("drop"), Ct);

        Assert.True(await things.DeleteAsync("drop", Ct));
        Assert.False(await things.DeleteAsync("drop", Ct));

        Assert.Null(await things.GetAsync("drop", Ct));
        Assert.NotNull(await things.GetAsync("keep", Ct));
        Assert.Equal(1, await things.CountAsync(null, Ct));
    }

    [Fact]
    public async Task Concurrent_inserts_of_one_unique_value_let_exactly_one_in()
    {
        var things = NewThings();
        await things.EnsureIndexAsync(nameof(ThingDocument.Code), unique: true, Ct);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            try
            {
                await things.InsertAsync(Thing($"racer-{i}", code: "the-one"), Ct);
                return null;
            }
            catch (DuplicateKeyException ex)
            {
                return ex;
            }
        }, Ct)));

        Assert.Single(outcomes, o => o is null);
        Assert.All(outcomes.OfType<DuplicateKeyException>(), ex => Assert.Equal(nameof(ThingDocument.Code), ex.Index));
        Assert.Equal(7, outcomes.Count(o => o is not null));
        Assert.Equal(1, await things.CountAsync(null, Ct));
    }

    private static ParticipantRegistered Event(string id) =>
        new(id, ParticipantGenders.Other, 1980, new DateTime(2025, 1, 2, 3, 4, 5, 6, DateTimeKind.Utc));

    [Fact]
    public async Task Outbox_events_are_pending_until_each_is_marked_dispatched()
    {
        var orders = NewCollection<OrderDocument>(out var collection);
        await orders.EnsureIndexAsync(nameof(OrderDocument.OutboxPending), unique: false, Ct);
        var order = new OrderDocument { Id = "order-1", Customer = "Förbundet", Amount = 1200 };
        order.Enqueue(Event("e1"));
        order.Enqueue(Event("e2"));
        await orders.InsertAsync(order, Ct);
        await orders.InsertAsync(new OrderDocument { Id = "order-quiet", Customer = "Nobody" }, Ct);

        var pending = await Store.GetPendingOutboxAsync(collection, 100, Ct);

        Assert.Equal(2, pending.Count);
        Assert.All(pending, p => Assert.Equal(collection, p.Collection));
        Assert.All(pending, p => Assert.Equal("order-1", p.DocumentId));
        Assert.Equal(order.Outbox.Select(e => e.MessageId), pending.Select(p => p.Entry.MessageId));
        Assert.Equal(order.Outbox[0].Payload, pending[0].Entry.Payload);
        Assert.Equal(order.Outbox[0].MessageType, pending[0].Entry.MessageType);
        Assert.Equal(order.Outbox[0].OccurredAt, pending[0].Entry.OccurredAt.ToUniversalTime());

        await Store.MarkOutboxDispatchedAsync(collection, "order-1", pending[0].Entry.MessageId, Ct);

        var remaining = Assert.Single(await Store.GetPendingOutboxAsync(collection, 100, Ct));
        Assert.Equal(pending[1].Entry.MessageId, remaining.Entry.MessageId);
        var afterOne = (await orders.GetAsync("order-1", Ct))!;
        Assert.Equal("Förbundet", afterOne.Customer);
        Assert.Equal(1200, afterOne.Amount);
        Assert.Equal(1, afterOne.Version);
        Assert.True(afterOne.OutboxPending);
        Assert.Equal([pending[1].Entry.MessageId], afterOne.Outbox.Select(e => e.MessageId));

        await Store.MarkOutboxDispatchedAsync(collection, "order-1", pending[1].Entry.MessageId, Ct);

        Assert.Empty(await Store.GetPendingOutboxAsync(collection, 100, Ct));
        var afterBoth = (await orders.GetAsync("order-1", Ct))!;
        Assert.False(afterBoth.OutboxPending);
        Assert.Empty(afterBoth.Outbox);
        Assert.Equal("Förbundet", afterBoth.Customer);
        Assert.Equal(1200, afterBoth.Amount);
        Assert.Equal(1, afterBoth.Version);
    }

    [Fact]
    public async Task Pending_outbox_is_capped_and_lists_documents_in_id_order()
    {
        var orders = NewCollection<OrderDocument>(out var collection);
        foreach (var id in new[] { "b", "c", "a" })
        {
            var order = new OrderDocument { Id = id };
            order.Enqueue(Event(id + "1"));
            order.Enqueue(Event(id + "2"));
            await orders.InsertAsync(order, Ct);
        }

        var all = await Store.GetPendingOutboxAsync(collection, 100, Ct);
        var capped = await Store.GetPendingOutboxAsync(collection, 3, Ct);

        Assert.Equal(["a", "a", "b", "b", "c", "c"], all.Select(p => p.DocumentId));
        Assert.Equal(3, capped.Count);
        Assert.Equal(all.Take(3).Select(p => p.Entry.MessageId), capped.Select(p => p.Entry.MessageId));
    }

    [Fact]
    public async Task Marking_an_unknown_message_or_document_changes_nothing()
    {
        var orders = NewCollection<OrderDocument>(out var collection);
        var order = new OrderDocument { Id = "o", Amount = 5 };
        order.Enqueue(Event("e"));
        await orders.InsertAsync(order, Ct);

        await Store.MarkOutboxDispatchedAsync(collection, "o", Guid.NewGuid().ToString(), Ct);
        await Store.MarkOutboxDispatchedAsync(collection, "missing", order.Outbox[0].MessageId, Ct);

        Assert.Single(await Store.GetPendingOutboxAsync(collection, 100, Ct));
        Assert.Null(await orders.GetAsync("missing", Ct));
    }
}
