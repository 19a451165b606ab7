using Recsys.Grains.Interfaces.Timeline;
using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Timeline.Hydrators;
using static Recsys.Grains.Tests.Ranking.RankingData;

namespace Recsys.Grains.Tests.Timeline;

/// <summary>The viewer's sets kept between its requests: reused for the same lists, rebuilt for any other.</summary>
[Trait("Category", "BVT")]
[Trait("Area", "ForYou")]
public sealed class ViewerLookupsTests
{
    [Fact]
    public void The_same_lists_give_the_same_sets_and_new_lists_give_sets_of_what_they_hold()
    {
        var lookups = new ViewerLookups();
        var follows = new[] { new FollowEdge(10, Now, 0.5f), new FollowEdge(11, Now, 0.25f) };
        long[] blocks = [20], mutes = [30], reported = [40];
        var first = ViewerHydrator.ToViewer(Raw(follows, blocks, mutes, reported), lookups);
        var again = ViewerHydrator.ToViewer(Raw(follows, blocks, mutes, reported), lookups);

        Assert.Equal(0.25, first.RealGraph(11), 6);
        Assert.Equal((true, true, true), (first.Blocks.Contains(20), first.Mutes.Contains(30), first.Reported.Contains(40)));
        Assert.Same(first.Follows, again.Follows);
        Assert.Same(first.Blocks, again.Blocks);
        Assert.Same(first.Mutes, again.Mutes);
        Assert.Same(first.Reported, again.Reported);

        var changed = ViewerHydrator.ToViewer(Raw([new FollowEdge(12, Now, 0.75f)], [21], [31], [41]), lookups);

        Assert.NotSame(first.Follows, changed.Follows);
        Assert.Equal([12L], changed.Follows.Keys);
        Assert.Equal((false, true), (changed.Blocks.Contains(20), changed.Blocks.Contains(21)));
        Assert.Equal((false, true), (changed.Mutes.Contains(30), changed.Mutes.Contains(31)));
        Assert.Equal((false, true), (changed.Reported.Contains(40), changed.Reported.Contains(41)));
    }

    private static RankingViewer Raw(IReadOnlyList<FollowEdge> follows, IReadOnlyList<long> blocks, IReadOnlyList<long> mutes, IReadOnlyList<long> reported) =>
        new(new ViewerContext(ViewerId, Now, UserState.MediumNonTweeter, ["en"], null, SensitiveMediaSetting.Warn, follows, blocks, mutes, [], [], [], []),
            reported, [], []);
}
