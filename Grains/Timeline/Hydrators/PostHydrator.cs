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

    public async Task<IReadOnlyList<Candidate>> HydrateAsync(TimelineQuery query, IReadOnlyList<Candidate> candidates, CancellationToken cancellation)
    {
        var ids = new long[candidates.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = candidates[i].PostId;
        }

        var (facts, calls) = await CachedCalls.GetAsync(ids, caches.Posts, query.Params,
            async id => ToFacts(await grains.GetGrain<IPostRankingGrain>(id).GetRankingFacts()), cancellation);
        query.CountCalls(calls);
        var hydrated = new Candidate[candidates.Count];
        for (var i = 0; i < hydrated.Length; i++)
        {
            hydrated[i] = Attach(query.Viewer, candidates[i], facts[i]);
        }

        return hydrated;
    }

    /// <summary>Attaches a post's facts to its candidate (pure; also used to replay captured facts).</summary>
    public static Candidate Attach(Viewer viewer, Candidate c, PostFacts? post)
    {
        if (post is null)
        {
            return c;
        }

        var author = post.Info.AuthorId;
        var inNetwork = c.InNetwork || viewer.IsFollowing(author) || (c.ReposterId is { } r && viewer.IsFollowing(r));
        return c with { AuthorId = author, InNetwork = inNetwork, ReplyToId = post.Info.ReplyToId, HasMedia = post.Info.HasMedia, Post = post };
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
