using System.Text;
using Finsam.Reporting.Application.ReadModels;
using Finsam.Reporting.Infrastructure.ReadModels;

namespace Finsam.UnitTests.Reporting.Projection;

public sealed class ReadModelEncodingTests
{
    [Fact]
    public void A_key_falls_in_the_same_bucket_in_every_process()
    {
        // Fixed values: a different hash would move every stored entity, which needs a new storage format.
        Assert.Equal(754, ReadModelBuckets.Of("e-1"));
        Assert.Equal(940, ReadModelBuckets.Of("0195f3a2-7c4e-7d10-9c1b-3f2a5e6d7c8b"));
        Assert.All(Enumerable.Range(0, 10_000), i => Assert.InRange(ReadModelBuckets.Of($"k{i}"), 0, ReadModelBuckets.Count - 1));
    }

    [Fact]
    public void A_bucket_decodes_to_the_keys_and_json_it_was_encoded_from()
    {
        var entities = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["a"] = Encoding.UTF8.GetBytes("""{"x":1}"""),
            ["åäö-" + new string('k', 300)] = Encoding.UTF8.GetBytes("{\"y\":\"" + new string('v', 70_000) + "\"}"),
            ["b"] = [],
        };

        var (data, length) = ReadModelEncoding.EncodeBucket(entities);
        var decoded = ReadModelEncoding.DecodeBucket(data, length, "test:0001");

        Assert.Equal(entities.Keys, decoded.Select(d => d.Key));
        Assert.Equal(entities.Values, decoded.Select(d => d.Value));
        Assert.True(data.Length < length / 10, $"compressed {data.Length} of {length} bytes");
    }

    [Fact]
    public void Damaged_data_is_refused_naming_the_document()
    {
        var (data, length) = ReadModelEncoding.EncodeValue(new ReadModelCheckpoint(5, 1), typeof(ReadModelCheckpoint));

        var wrongLength = Assert.Throws<InvalidDataException>(() => ReadModelEncoding.DecodeValue(data, length + 1, typeof(ReadModelCheckpoint), "$checkpoint"));
        var cut = Assert.Throws<InvalidDataException>(() => ReadModelEncoding.DecodeBucket(data[..(data.Length / 2)], length, "stays:0007"));

        Assert.Contains("$checkpoint", wrongLength.Message);
        Assert.Contains("stays:0007", cut.Message);
        Assert.Equal(new ReadModelCheckpoint(5, 1), ReadModelEncoding.DecodeValue(data, length, typeof(ReadModelCheckpoint), "$checkpoint"));
    }
}
