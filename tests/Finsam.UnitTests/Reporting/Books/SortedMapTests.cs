using System.Text.Json;
using Finsam.Reporting.Domain.Groups;
using Finsam.Reporting.Domain.ReadModels;
using Finsam.Reporting.Infrastructure.ReadModels;

namespace Finsam.UnitTests.Reporting.Books;

public sealed class SortedMapTests
{
    private static readonly DateTime At = new(2024, 3, 4, 10, 0, 0, DateTimeKind.Utc);

    private static AttendanceMark Mark(AttendanceStatus status, float hours = 2) => new(status, hours, At, false);

    [Fact]
    public void Marks_set_in_any_order_are_kept_sorted_by_id_and_the_last_set_wins()
    {
        var map = SortedMap<AttendanceMark>.Empty
            .With("p3", Mark(AttendanceStatus.Present))
            .With("p1", Mark(AttendanceStatus.ExcusedAbsence))
            .With("p2", Mark(AttendanceStatus.Present))
            .With("p1", Mark(AttendanceStatus.UnexcusedAbsence, 0));

        Assert.Equal(["p1", "p2", "p3"], map.Keys);
        Assert.Equal(3, map.Count);
        Assert.Equal(Mark(AttendanceStatus.UnexcusedAbsence, 0), map["p1"]);
        Assert.True(map.TryGetValue("p2", out var p2));
        Assert.Equal(AttendanceStatus.Present, p2.Status);
        Assert.False(map.ContainsKey("p4"));
        Assert.Throws<KeyNotFoundException>(() => map["p4"]);
    }

    [Fact]
    public void A_change_makes_a_new_map_and_leaves_the_old_one_as_it_was()
    {
        var before = SortedMap<AttendanceMark>.Empty.With("p1", Mark(AttendanceStatus.Present));

        var after = before.With("p1", Mark(AttendanceStatus.ExcusedAbsence)).With("p0", Mark(AttendanceStatus.Present));

        Assert.Equal(AttendanceStatus.Present, Assert.Single(before).Value.Status);
        Assert.Equal(["p0", "p1"], after.Keys);
    }

    [Fact]
    public void Stored_as_a_json_object_by_id_and_read_back_equal_whatever_order_the_object_has()
    {
        var map = SortedMap<AttendanceMark>.Empty.With("b", Mark(AttendanceStatus.Present)).With("a", Mark(AttendanceStatus.Other, 1.5f));

        var converter = new JsonSerializerOptions(ReadModelJson.Options) { Converters = { new SortedMapConverter<AttendanceMark>() } };
        var json = JsonSerializer.Serialize<IReadOnlyDictionary<string, AttendanceMark>>(map, converter);
        var reordered = JsonSerializer.Deserialize<IReadOnlyDictionary<string, AttendanceMark>>(
            """{"b":{"status":"present","hours":2,"at":"2024-03-04T10:00:00Z","corrected":false},"a":{"status":"other","hours":1.5,"at":"2024-03-04T10:00:00Z","corrected":false}}""",
            converter)!;

        Assert.StartsWith("""{"a":{"status":"other","hours":1.5""", json);
        Assert.Equal(map.ToList(), JsonSerializer.Deserialize<IReadOnlyDictionary<string, AttendanceMark>>(json, converter)!.ToList());
        Assert.Equal(map.ToList(), reordered.ToList());
        Assert.IsType<SortedMap<AttendanceMark>>(reordered);
    }
}
