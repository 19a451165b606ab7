using System.Text.Json;
using Recsys.Grains.Ingestion;

namespace Recsys.Grains.Tests.Ingestion;

[Trait("Category", "Unit")]
[Trait("Area", "Ingestion")]
public sealed class ReplayCursorTests
{
    [Fact]
    public void Marks_each_sequence_once_in_any_order()
    {
        var cursor = new ReplayCursor { AppliedThrough = 10 };

        Assert.False(cursor.TryMark(10)); // covered by the bound
        Assert.True(cursor.TryMark(15));
        Assert.True(cursor.TryMark(12)); // out of order
        Assert.True(cursor.TryMark(20));
        Assert.True(cursor.TryMark(11));
        Assert.True(cursor.TryMark(30));
        Assert.True(cursor.TryMark(13)); // grows past the first array
        Assert.False(cursor.TryMark(12));
        Assert.False(cursor.TryMark(30));

        Assert.Equal([11, 12, 13, 15, 20, 30], cursor.AppliedAbove);
        Assert.Equal(6, cursor.PendingCount);
        Assert.True(cursor.IsApplied(9));
        Assert.True(cursor.IsApplied(13));
        Assert.False(cursor.IsApplied(14));
        Assert.False(cursor.IsApplied(31));
    }

    [Fact]
    public void Advancing_folds_the_covered_sequences_into_the_bound()
    {
        var cursor = new ReplayCursor();
        foreach (var sequence in new long[] { 5, 3, 9, 7 })
        {
            cursor.TryMark(sequence);
        }

        cursor.AdvanceTo(6);
        Assert.Equal(6, cursor.AppliedThrough);
        Assert.Equal([7, 9], cursor.AppliedAbove);

        cursor.AdvanceTo(7);
        Assert.Equal([9], cursor.AppliedAbove);

        cursor.AdvanceTo(4); // never backwards
        Assert.Equal(7, cursor.AppliedThrough);

        cursor.AdvanceTo(100);
        Assert.Empty(cursor.AppliedAbove);
        Assert.Equal(0, cursor.PendingCount);
        Assert.True(cursor.TryMark(101));
    }

    [Fact]
    public void Round_trips_through_json_as_a_sorted_array()
    {
        var cursor = new ReplayCursor { AppliedThrough = 2 };
        cursor.TryMark(8);
        cursor.TryMark(4);

        var json = JsonSerializer.Serialize(cursor);
        var read = JsonSerializer.Deserialize<ReplayCursor>(json)!;

        Assert.Equal(2, read.AppliedThrough);
        Assert.Equal([4, 8], read.AppliedAbove);
        Assert.True(read.IsApplied(4));
        Assert.False(read.IsApplied(5));
        Assert.False(read.TryMark(8));
    }
}
