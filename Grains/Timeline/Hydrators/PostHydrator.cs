using System.Collections.Immutable;
using Recsys.Grains.Interfaces.Timeline;
using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;
using Recsys.Grains.SimClusters;
using Recsys.Runtime;

namespace Recsys.Grains.Timeline.Hydrators;

/// <summary>
/// Hydrates each candidate from its Post grain in batches (facts, decayed engagement counts, SimClusters
/// embedding; through the silo's short-lived cache), and completes what the source did not know: the author, and so
/// whether the post is in-network (its author, or its reposter, is followed; algorithm.md 1.2).
/// </summary>
public sealed class PostHydrator(IGrainFactory grains, HydrationCaches caches) : ICandidateHydrator
{
    public HydratorId Id { get; } = new("Post");

    public async Task HydrateAsync(TimelineQuery query, HydrationDraft draft, CancellationToken cancellation)
    {
        var ids = new long[draft.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = draft.PostId(i);
        }

        var (facts, calls) = await CachedCalls.GetAsync(ids, caches.Posts, query.Params,
            async id => ToFacts(await grains.GetGrain<IPostRankingGrain>(id).GetRankingFacts()), cancellation);
        query.CountCalls(calls);
        for (var i = 0; i < ids.Length; i++)
        {
            Attach(query.Viewer, draft, i, facts[i]);
        }
    }

    /// <summary>Attaches a post's facts to its candidate (pure; also used to replay captured facts).</summary>
    public static void Attach(Viewer viewer, HydrationDraft draft, int i, PostFacts? post)
    {
        if (post is null)
        {
            return;
        }

        var author = post.Info.AuthorId;
        var inNetwork = draft.InNetwork(i) || viewer.IsFollowing(author) || (draft.Original(i).ReposterId is { } r && viewer.IsFollowing(r));
        draft.SetPost(i, post, inNetwork);
    }

    /// <summary>The grain's answer as ranking reads it (converted once, then cached).</summary>
    public static PostFacts? ToFacts(PostRankingFacts? facts) =>
        facts is null ? null : new PostFacts(facts.Info, EngagementCounts.From(facts.Engagements), Embedding(facts));

    // The grain answers communities in ascending id order, the order SparseVector keeps.
    private static SparseVector Embedding(PostRankingFacts facts)
    {
        if (facts.Embedding.Count == 0)
        {
            return SparseVector.Empty;
        }

        var clusters = ImmutableArray.CreateBuilder<int>(facts.Embedding.Count);
        var scores = ImmutableArray.CreateBuilder<float>(facts.Embedding.Count);
        foreach (var e in facts.Embedding)
        {
            clusters.Add(e.CommunityId);
            scores.Add(e.Score);
        }

        return new SparseVector(clusters.MoveToImmutable(), scores.MoveToImmutable());
    }
}
