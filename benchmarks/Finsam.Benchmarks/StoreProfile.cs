using System.Diagnostics;
using System.Text.Json;
using Finsam.Platform.Storage.LiteDb;
using Finsam.Reporting.Application.ReadModels;
using Finsam.Reporting.Infrastructure.ReadModels;

namespace Finsam.Benchmarks;

/// <summary>
/// <c>--store-profile [--fraction F] [--dir PATH]</c>: where a rebuild's write (and a restart's load) goes, book by book:
/// the model generated in memory, each book's entities written to a fresh LiteDB read-model store and loaded back,
/// with the JSON size. No journal: that is the scale run's.
/// </summary>
internal static class StoreProfile
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = ScaleOptions.Parse(args);
        var model = BenchmarkModel.Generate(options.Shape, options.Seed);
        var folder = Path.Combine(options.Directory, $"finsam-store-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            using var documents = new LiteDbDocumentStore(Path.Combine(folder, "reporting.db"));
            var store = new DocumentReadModelStore(documents);
            var checkpoint = new ReadModelCheckpoint(1, 0);
            Console.WriteLine($"{"book",-16} {"entities",10} {"JSON MiB",10} {"write s",9} {"load s",9}");
            foreach (var book in model.Books)
            {
                var entities = book.Keys.Select(key => new ReadModelEntity(book.Kind, key, book.Get(key))).ToList();
                var json = entities.Sum(e => (long)JsonSerializer.Serialize(e.Entity, book.EntityType, ReadModelJson.Options).Length);
                var clock = Stopwatch.StartNew();
                await store.SaveAsync(entities, checkpoint, CancellationToken.None);
                var write = clock.Elapsed;
                clock.Restart();
                var loaded = 0;
                await foreach (var _ in store.LoadAsync(book.Kind, book.EntityType, CancellationToken.None))
                {
                    loaded++;
                }

                Console.WriteLine($"{book.Kind,-16} {entities.Count,10:N0} {json / 1024.0 / 1024.0,10:N1} {write.TotalSeconds,9:N2} {clock.Elapsed.TotalSeconds,9:N2}");
            }

            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
