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
