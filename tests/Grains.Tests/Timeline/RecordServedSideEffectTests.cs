using Recsys.Grains.Timeline;
using Recsys.Grains.Timeline.SideEffects;
using static Recsys.Grains.Tests.Ranking.RankingData;

namespace Recsys.Grains.Tests.Timeline;

[Trait("Category", "BVT")]
[Trait("Area", "Timeline")]
public sealed class RecordServedSideEffectTests
{
    [Fact]
    public void Served_posts_and_the_request_time_are_recorded_and_the_history_stays_bounded()
    {
        var state = new TimelineState { Served = [1, 2, 3] };

        RecordServedSideEffect.Instance.Run(new ServedPage(Query(), [Candidate(4), Candidate(5)], state, new ForYouParams { ServedHistory = 4 }));

        Assert.Equal([2, 3, 4, 5], state.Served);
        Assert.Equal(Now, state.LastRequestAt);
    }
}
