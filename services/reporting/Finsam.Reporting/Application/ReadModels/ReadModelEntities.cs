using Finsam.Reporting.Domain.ReadModels;

namespace Finsam.Reporting.Application.ReadModels;

internal static class ReadModelEntities
{
    /// <summary>The entities under <paramref name="keysByKind"/> as the model now has them; a key with no entity is a removal.</summary>
    public static IReadOnlyCollection<ReadModelEntity> Of(ReportingModel model, IReadOnlyDictionary<string, ISet<string>> keysByKind)
    {
        var entities = new List<ReadModelEntity>();
        foreach (var book in model.Books)
        {
            if (keysByKind.TryGetValue(book.Kind, out var keys))
            {
                entities.AddRange(keys.Select(key => new ReadModelEntity(book.Kind, key, book.Get(key))));
            }
        }

        return entities;
    }

    /// <summary>Every entity of every book, book by book.</summary>
    public static IReadOnlyCollection<ReadModelEntity> All(ReportingModel model) =>
        model.Books.SelectMany(book => book.Keys.Select(key => new ReadModelEntity(book.Kind, key, book.Get(key)))).ToList();
}
