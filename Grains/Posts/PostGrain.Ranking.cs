using Recsys.Grains.Interfaces.SimClusters;
using Recsys.Grains.Interfaces.Timeline;

namespace Recsys.Grains.Posts;

/// <summary>The post as the For You timeline hydrates it (issue 9): facts, decayed engagement counts, embedding. Read-only.</summary>
public sealed partial class PostGrain : IPostRankingGrain
{
    public Task<PostRankingFacts?> GetRankingFacts()
    {
        if (state.State.Info is not { } info)
        {
            return Task.FromResult<PostRankingFacts?>(null);
        }

        var now = TimeProvider.GetUtcNow();
        var spec = aggregates.Post;
        var longest = spec.HalfLifeTicks.Length - 1;
        var actions = state.State.Engagements.Counters;
        var counts = new ActionCount[actions.Length];
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = new ActionCount(actions[i].Action, longest < 0 ? actions[i].Total : actions[i].DecayedNow(spec, longest, now.UtcTicks));
        }

        IReadOnlyList<CommunityScore> embedding = [];
        if (state.State.Embedding is { } stored)
        {
            var scores = stored.ScoresAsOf(now, SimClusters.TweetHalfLife);
            var entries = new CommunityScore[scores.Count];
            for (var i = 0; i < entries.Length; i++)
            {
                entries[i] = new CommunityScore(scores.Clusters[i], scores.Scores[i]);
            }

            embedding = entries;
        }

        return Task.FromResult<PostRankingFacts?>(new PostRankingFacts(info, counts, embedding));
    }
}
