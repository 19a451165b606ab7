using System.Text.Json;
using Recsys.Grains.Ingestion;
using Recsys.Grains.Interfaces.Engagements;

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

        // Predecessors unknown: each is a run of its own.
        Assert.Equal([11, 12, 13, 15, 20, 30], Firsts(cursor));
        Assert.Equal(6, cursor.PendingCount);
        Assert.True(cursor.IsApplied(9));
        Assert.True(cursor.IsApplied(13));
        Assert.False(cursor.IsApplied(14));
        Assert.False(cursor.IsApplied(31));
    }

    [Fact]
    public void Advancing_folds_the_covered_runs_into_the_bound()
    {
        var cursor = new ReplayCursor();
        foreach (var sequence in new long[] { 5, 3, 9, 7 })
        {
            cursor.TryMark(sequence);
        }

        cursor.AdvanceTo(6);
        Assert.Equal(6, cursor.AppliedThrough);
        Assert.Equal([7, 9], Firsts(cursor));

        cursor.AdvanceTo(7);
        Assert.Equal([9], Firsts(cursor));

        cursor.AdvanceTo(4); // never backwards
        Assert.Equal(7, cursor.AppliedThrough);

        cursor.AdvanceTo(100);
        Assert.Empty(cursor.AppliedRuns);
        Assert.Equal(0, cursor.PendingCount);
        Assert.True(cursor.TryMark(101));
    }

    [Fact]
    public void Events_delivered_in_their_grains_order_move_the_bound_and_keep_no_run()
    {
        var cursor = new ReplayCursor();

        Assert.True(cursor.TryMark(5, GrainPredecessors.None)); // nothing of the grain's above its checkpoint
        Assert.True(cursor.TryMark(9, 5));
        Assert.True(cursor.TryMark(12, 9));
        Assert.False(cursor.TryMark(9, 5));

        Assert.Equal(12, cursor.AppliedThrough);
        Assert.Equal(0, cursor.PendingCount);
        Assert.Empty(cursor.AppliedRuns);
    }

    [Fact]
    public void Out_of_order_deliveries_make_runs_that_join_and_fold_once_the_gap_is_applied()
    {
        // The grain's events: 11 (after 10), 14, 20, 25, each after the one before.
        var cursor = new ReplayCursor { AppliedThrough = 10 };

        Assert.True(cursor.TryMark(14, 11));
        Assert.True(cursor.TryMark(25, 20));
        Assert.Equal(2, cursor.PendingCount);
        Assert.True(cursor.TryMark(20, 14)); // extends the first run, which then reaches the second
        Assert.Equal([11, 14, 25], cursor.AppliedRuns);
        Assert.False(cursor.IsApplied(11));
        Assert.True(cursor.IsApplied(20));

        Assert.True(cursor.TryMark(11, 10)); // the gap: the bound moves past the whole run
        Assert.Equal(25, cursor.AppliedThrough);
        Assert.Equal(0, cursor.PendingCount);
    }

    [Fact]
    public void A_catch_up_past_a_runs_predecessor_folds_the_run()
    {
        var cursor = new ReplayCursor { AppliedThrough = 10 };
        cursor.TryMark(14, 11);
        cursor.TryMark(20, 14);

        cursor.AdvanceTo(12); // the log was read through 12 (11 replayed)

        Assert.Equal(20, cursor.AppliedThrough);
        Assert.Equal(0, cursor.PendingCount);
    }

    [Fact]
    public void Any_order_of_deliveries_repeats_and_catch_ups_agrees_with_the_set_of_applied_events()
    {
        var random = new Random(15);
        for (var round = 0; round < 200; round++)
        {
            // One grain's events among global sequences, each knowing the one before it (None for the first).
            var events = new List<(long Sequence, long Previous)>();
            var next = (long)random.Next(1, 5);
            var previous = GrainPredecessors.None;
            for (var i = 0; i < random.Next(1, 60); i++)
            {
                events.Add((next, previous));
                (previous, next) = (next, next + random.Next(1, 6));
            }

            var cursor = new ReplayCursor();
            var applied = new HashSet<long>();
            for (var step = 0; step < 300; step++)
            {
                if (random.Next(12) == 0)
                {
                    // A catch-up reads the log through some event, applying what is missing, then advances past it.
                    var through = events[random.Next(events.Count)].Sequence;
                    foreach (var (sequence, _) in events.Where(e => e.Sequence <= through))
                    {
                        Assert.Equal(applied.Add(sequence), cursor.TryMark(sequence));
                    }

                    cursor.AdvanceTo(through);
                }
                else
                {
                    // A delivery, maybe repeated, maybe without its predecessor (a row read back).
                    var (sequence, before) = events[random.Next(events.Count)];
                    var told = random.Next(5) == 0 ? GrainPredecessors.Unknown : before;
                    Assert.Equal(applied.Add(sequence), cursor.TryMark(sequence, told));
                }

                foreach (var (sequence, _) in events)
                {
                    Assert.Equal(applied.Contains(sequence), cursor.IsApplied(sequence));
                }

                var stored = JsonSerializer.Deserialize<ReplayCursor>(JsonSerializer.Serialize(cursor))!;
                Assert.All(events, e => Assert.Equal(applied.Contains(e.Sequence), stored.IsApplied(e.Sequence)));
            }

            // Every event delivered, then the checkpoint's catch-up: nothing is left above the bound.
            foreach (var (sequence, before) in events)
            {
                cursor.TryMark(sequence, before);
            }

            cursor.AdvanceTo(events[^1].Sequence);
            Assert.Equal((events[^1].Sequence, 0), (cursor.AppliedThrough, cursor.PendingCount));
        }
    }

    [Fact]
    public void Round_trips_through_json_as_runs_and_reads_the_older_single_sequences()
    {
        var cursor = new ReplayCursor { AppliedThrough = 2 };
        cursor.TryMark(8, 6);
        cursor.TryMark(4);

        var json = JsonSerializer.Serialize(cursor);
        Assert.DoesNotContain("AppliedAbove", json);
        var read = JsonSerializer.Deserialize<ReplayCursor>(json)!;

        Assert.Equal(2, read.AppliedThrough);
        Assert.Equal([GrainPredecessors.Unknown, 4, 4, 6, 8, 8], read.AppliedRuns);
        Assert.True(read.IsApplied(4));
        Assert.False(read.IsApplied(5));
        Assert.False(read.TryMark(8));

        var older = JsonSerializer.Deserialize<ReplayCursor>("""{"AppliedThrough":2,"AppliedAbove":[8,4]}""")!;
        Assert.Equal([4L, 8L], Firsts(older));
        Assert.True(older.IsApplied(8));
        Assert.False(older.IsApplied(6));
    }

    private static long[] Firsts(ReplayCursor cursor) => cursor.AppliedRuns.Where((_, i) => i % 3 == 1).ToArray();
}
