using Recsys.Grains.Ingestion.Log;
using Recsys.Grains.Interfaces.Engagements;

namespace Recsys.Grains.Tests.Ingestion;

/// <summary>The per-grain tails against the rule written plainly: a set of (grain, sequence) pairs.</summary>
[Trait("Category", "BVT")]
[Trait("Area", "Ingestion")]
public sealed class GrainLogTailsTests
{
    [Fact]
    public void Adds_trims_and_removals_in_any_order_match_a_plain_set()
    {
        var random = new Random(6);
        var tails = new GrainLogTails();
        var model = new HashSet<(LogStream Stream, long Key, long Sequence)>();
        for (var step = 0; step < 20_000; step++)
        {
            var stream = random.Next(2) == 0 ? LogStream.Post : LogStream.User;
            var key = random.Next(12);
            var sequence = (long)random.Next(1, 400);
            switch (random.Next(10))
            {
                case < 6:
                    tails.Add(stream, key, sequence);
                    model.Add((stream, key, sequence));
                    break;
                case < 8:
                    tails.Trim(stream, key, sequence);
                    model.RemoveWhere(m => m.Stream == stream && m.Key == key && m.Sequence <= sequence);
                    break;
                default:
                    var e = new PendingEngagement(new EngagementEvent("e", key, EngagementAction.Like, key + 1, null, DateTimeOffset.UnixEpoch, null), key + 2);
                    tails.RemoveAll([e], [sequence]);
                    model.Remove((LogStream.Post, key + 1, sequence));
                    model.Remove((LogStream.User, key, sequence));
                    model.Remove((LogStream.User, key + 2, sequence));
                    break;
            }

            var after = (long)random.Next(0, 400);
            var max = random.Next(1, 50);
            var expected = model.Where(m => m.Stream == stream && m.Key == key && m.Sequence > after).Select(m => m.Sequence).Order().Take(max);
            Assert.Equal(expected, tails.After(stream, key, after, max));
        }

        Assert.Equal(model.Count == 0 ? null : model.Min(m => m.Sequence), tails.Lowest());
        Assert.Equal(model.Select(m => (m.Stream, m.Key)).Distinct().Count(), tails.GrainCount);

        // Every chunk comes back once every grain is trimmed past its last sequence.
        foreach (var (stream, key) in model.Select(m => (m.Stream, m.Key)).Distinct())
        {
            tails.Trim(stream, key, long.MaxValue);
        }

        Assert.Equal(0, tails.GrainCount);
        Assert.Equal(0, tails.ChunksInUse);
        Assert.Null(tails.Lowest());
    }

    [Fact]
    public void A_listed_event_learns_each_grains_previous_listed_event()
    {
        var tails = new GrainLogTails();
        PendingEngagement Like(long user, long post, long author) =>
            new(new EngagementEvent("e", user, EngagementAction.Like, post, null, DateTimeOffset.UnixEpoch, null), author);

        PendingEngagement[] first = [Like(1, post: 10, author: 2), Like(3, post: 10, author: 1)];
        tails.AddAll(first, [5, 6]);
        Assert.Equal(new GrainPredecessors(GrainPredecessors.None, GrainPredecessors.None, GrainPredecessors.None), first[0].Predecessors);
        Assert.Equal(new GrainPredecessors(5, GrainPredecessors.None, 5), first[1].Predecessors); // post 10 and user 1 had event 5

        PendingEngagement[] second = [Like(2, post: 11, author: 3), Like(4, post: 12, author: 4)];
        tails.Trim(LogStream.User, 2, 5); // user 2 checkpointed through 5: nothing of its own is left listed
        tails.AddAll(second, [9, 0]); // the second was a duplicate: not listed, nothing learned
        Assert.Equal(new GrainPredecessors(GrainPredecessors.None, GrainPredecessors.None, 6), second[0].Predecessors);
        Assert.Equal(default, second[1].Predecessors);
    }

    [Fact]
    public void A_long_tail_spans_chunks_and_trims_inside_one()
    {
        var tails = new GrainLogTails();
        for (var sequence = 1L; sequence <= 50; sequence++)
        {
            tails.Add(LogStream.User, 7, sequence * 2);
        }

        Assert.Equal((50 + SequenceChunks.Capacity - 1) / SequenceChunks.Capacity, tails.ChunksInUse);
        tails.Trim(LogStream.User, 7, 31); // 2..30 go: two whole chunks and one sequence of the third
        Assert.Equal(Enumerable.Range(16, 35).Select(i => i * 2L), tails.After(LogStream.User, 7, 0, 100));
        Assert.Equal([32L, 34L, 36L], tails.After(LogStream.User, 7, 0, 3));
        Assert.Equal([62L, 64L], tails.After(LogStream.User, 7, 60, 2));
        Assert.Equal(32L, tails.Lowest());
        Assert.Equal((35 + 1 + SequenceChunks.Capacity - 1) / SequenceChunks.Capacity, tails.ChunksInUse);

        tails.Add(LogStream.User, 7, 33); // out of order: rebuilt in place, still ascending
        Assert.Equal([32L, 33L, 34L], tails.After(LogStream.User, 7, 0, 3));
    }

    [Fact]
    public void Freed_chunks_are_handed_out_again_before_a_new_page()
    {
        var chunks = new SequenceChunks();
        var first = chunks.Take();
        var second = chunks.Take();
        chunks.Link(first, second);
        chunks.Slots(second)[0] = 42;
        Assert.Equal(second, chunks.Next(first));
        var allocated = chunks.Allocated;

        chunks.FreeFrom(first);
        Assert.Equal(0, chunks.InUse);
        var again = new[] { chunks.Take(), chunks.Take() };
        Assert.Equal(new[] { first, second }.Order(), again.Order());
        Assert.Equal(SequenceChunks.None, chunks.Next(again[0])); // a chunk taken again links to nothing
        Assert.Equal(allocated, chunks.Allocated);
    }

    [Fact]
    public void A_batch_lists_each_logged_event_under_its_post_actor_and_subject()
    {
        var tails = new GrainLogTails();
        PendingEngagement[] batch =
        [
            new(new EngagementEvent("a", 1, EngagementAction.Like, 10, null, DateTimeOffset.UnixEpoch, null), 2),
            new(new EngagementEvent("b", 3, EngagementAction.Follow, null, 1, DateTimeOffset.UnixEpoch, null), 1),
            new(new EngagementEvent("c", 1, EngagementAction.Login, null, null, DateTimeOffset.UnixEpoch, null), null),
        ];

        tails.AddAll(batch, [5, 0, 7]); // the second was a duplicate

        Assert.Equal([5L], tails.After(LogStream.Post, 10, 0, 10));
        Assert.Equal([5L, 7L], tails.After(LogStream.User, 1, 0, 10));
        Assert.Equal([5L], tails.After(LogStream.User, 2, 0, 10));
        Assert.Empty(tails.After(LogStream.User, 3, 0, 10));
        Assert.Equal(3, tails.GrainCount);
    }
}
