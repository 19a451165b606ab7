using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Timeline.CandidateSources;

/// <summary>
/// Popular/backfill for new and returning viewers (behind <see cref="Gates.NewOrReturningUserGate"/>): the silo's
/// popular list, up to 40 posts (the popular-videos budget, algorithm.md 1.2). Authors are known after hydration.
/// </summary>
public sealed class PopularCandidateSource(PopularPosts popular) : ICandidateSource
{
    public static readonly CandidateSourceId SourceId = new("Popular");

    public CandidateSourceId Id => SourceId;

    public async Task<IReadOnlyList<Candidate>> FetchAsync(TimelineQuery query, CancellationToken cancellation)
    {
        var p = query.Params;
        if (p.PopularMaxCandidates == 0)
        {
            return [];
        }

        var posts = await popular.GetAsync(p.PopularCommunities, p.PopularMaxCandidates, p.PopularCacheTtl);
        return posts.Select(post => new Candidate
        {
            PostId = post.PostId, Source = SourceId, InNetwork = false, CreatedAt = query.Now,
            Signals = new SourceSignals(EngagementCounts.Zero, 0, 0, post.Score),
        }).ToArray();
    }
}
