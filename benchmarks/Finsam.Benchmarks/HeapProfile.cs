using System.Text.Json;
using Finsam.Reporting.Domain.ReadModels;
using Finsam.Reporting.Infrastructure.ReadModels;

namespace Finsam.Benchmarks;

/// <summary>
/// <c>--heap-profile [--fraction F]</c>: where a loaded model's memory goes, book by book. The model is generated in
/// memory, then each book's entities are written as the store writes them (JSON) and read back as a restart reads
/// them; the managed heap after a full collection is taken before and after each book is read, with the stored size.
/// </summary>
internal static class HeapProfile
{
    // Not inlined: the generated model must be garbage once this returns.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static List<(string Kind, Type EntityType, List<(string Key, byte[] Json)> Json)> Stored(ScaleOptions options) =>
        BenchmarkModel.Generate(options.Shape, options.Seed).Books
            .Select(book => (book.Kind, book.EntityType, Json: book.Keys
                .Select(key => (Key: key, Json: JsonSerializer.SerializeToUtf8Bytes(book.Get(key), book.EntityType, ReadModelJson.Options)))
                .ToList()))
            .ToList();

    public static int Run(string[] args)
    {
        var options = ScaleOptions.Parse(args);
        var stored = Stored(options);
        var loaded = new List<object?>();
        var before = Memory.ManagedAfterFullGc();
        var stored0 = stored.Sum(s => s.Json.Sum(j => (long)j.Json.Length + 64));
        Console.WriteLine($"Before loading: managed heap {Memory.Mib(before)}, of which ~{Memory.Mib(stored0)} the stored JSON; the rest is the string pool and the runtime.");
        var total = 0L;
        Console.WriteLine($"{"book",-16} {"entities",10} {"stored MiB",11} {"heap MiB",10} {"bytes/entity",13}");
        foreach (var (kind, type, json) in stored)
        {
            var entities = new Dictionary<string, object?>(json.Count, StringComparer.Ordinal);
            foreach (var (key, bytes) in json)
            {
                entities[Interned.Of(key)] = JsonSerializer.Deserialize(bytes, type, ReadModelJson.Options);
            }

            loaded.Add(entities);
            var after = Memory.ManagedAfterFullGc();
            var size = json.Sum(j => (long)j.Json.Length);
            Console.WriteLine($"{kind,-16} {json.Count,10:N0} {size / 1048576.0,11:N1} {(after - before) / 1048576.0,10:N1} {(json.Count == 0 ? 0 : (after - before) / json.Count),13:N0}");
            total += after - before;
            before = after;
        }

        foreach (var quality in new[] { 1, 4 })
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            long compressed = 0;
            var buffer = new byte[16 << 20];
            foreach (var (_, _, json) in stored)
            {
                foreach (var (_, bytes) in json)
                {
                    System.IO.Compression.BrotliEncoder.TryCompress(bytes, buffer, out var written, quality, 22);
                    compressed += written;
                }
            }

            Console.WriteLine($"brotli q{quality}: {compressed / 1048576.0:N1} MiB in {clock.Elapsed.TotalSeconds:N2} s");
        }

        Console.WriteLine($"{"total",-16} {"",10} {stored.Sum(s => s.Json.Sum(j => (long)j.Json.Length)) / 1048576.0,11:N1} {total / 1048576.0,10:N1}");
        GC.KeepAlive(loaded);
        return 0;
    }
}
