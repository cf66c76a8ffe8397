using Finsam.IntegrationEvents;

namespace Finsam.Reporting.Domain.ReadModels;

/// <summary>
/// One read model: entities by key, built only from integration events, idempotently and in any order (a duplicate,
/// a replay or a shuffle of the same events gives the same entities). The projector persists the entities an event
/// changed; a rebuild replays the journal into an empty book. Entities are immutable records that serialize as JSON.
/// </summary>
public interface IReadModelBook
{
    /// <summary>A stable storage name, e.g. "stays": part of every stored entity's id.</summary>
    string Kind { get; }

    Type EntityType { get; }

    IEnumerable<string> Keys { get; }

    int Count { get; }

    /// <summary>Applies one event; adds the key of every entity it changed to <paramref name="changed"/>. Events the book doesn't know are ignored.</summary>
    void Apply(IIntegrationEvent integrationEvent, ISet<string> changed);

    object? Get(string key);

    /// <summary>Puts a stored entity back (loading at start-up), without applying anything.</summary>
    void Put(string key, object entity);

    void Clear();
}

/// <summary>The dictionary and bookkeeping every book shares; a book only says how each event changes its entities.</summary>
public abstract class ReadModelBook<TEntity> : IReadModelBook
    where TEntity : class
{
    private readonly Dictionary<string, TEntity> _entities = new(StringComparer.Ordinal);

    public abstract string Kind { get; }

    public Type EntityType => typeof(TEntity);

    public IEnumerable<string> Keys => _entities.Keys;

    public int Count => _entities.Count;

    public IReadOnlyCollection<TEntity> Entities => _entities.Values;

    public TEntity? Find(string key) => _entities.GetValueOrDefault(key);

    public abstract void Apply(IIntegrationEvent integrationEvent, ISet<string> changed);

    /// <summary>Applies events outside the projector (tests, rebuild helpers).</summary>
    public void ApplyAll(IEnumerable<IIntegrationEvent> events)
    {
        var ignored = new HashSet<string>(StringComparer.Ordinal);
        foreach (var integrationEvent in events)
        {
            Apply(integrationEvent, ignored);
        }
    }

    object? IReadModelBook.Get(string key) => Find(key);

    void IReadModelBook.Put(string key, object entity) => _entities[key] = (TEntity)entity;

    public void Clear() => _entities.Clear();

    /// <summary>
    /// Replaces the entity under <paramref name="key"/> with what <paramref name="change"/> makes of it (null: there
    /// is none yet). Returning the same instance means "no change"; returning null removes it.
    /// </summary>
    protected void Update(string key, Func<TEntity?, TEntity?> change, ISet<string> changed)
    {
        var current = _entities.GetValueOrDefault(key);
        var next = change(current);
        if (ReferenceEquals(next, current))
        {
            return;
        }

        if (next is null)
        {
            _entities.Remove(key);
        }
        else
        {
            _entities[key] = next;
        }

        changed.Add(key);
    }
}
