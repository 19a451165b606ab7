using Microsoft.Extensions.DependencyInjection;
using Recsys.Grains.Ranking.Identifiers;
using Recsys.Grains.Ranking.Models;
using Recsys.Grains.Tests.Support;
using Recsys.Grains.Timeline;
using static Recsys.Grains.Tests.Ranking.RankingData;

namespace Recsys.Grains.Tests.Timeline;

/// <summary>
/// The followees' engagements (a grain call per strong followee) are read only when a source that needs them runs:
/// a refresh served from the cached scored candidates alone must not read them, whatever the other sources' own
/// gates say.
/// </summary>
[Trait("Category", "Functional")]
[Trait("Area", "ForYou")]
public sealed class FolloweeEngagementsReadTests
{
    private static readonly HeavyRanker Model = DefaultHeavyRanker;

    [Fact]
    public async Task A_refresh_served_from_the_cache_alone_does_not_read_the_followees_engagements()
    {
        await using var cluster = await DomainSilo.StartAsync();
        var p = new ForYouParams();
        var config = ForYouPipelineConfig.Create(p, cluster.Services.GetRequiredService<ForYouPipeline>().Components);
        var reads = 0;

        // Enough unseen cached candidates from each source that found some; Popular and the follow recommendations
        // found none (so the cache gate alone would let them run), but their own gates are shut: the viewer is a
        // regular user who asked a minute ago, and the follow recommendations are off by default.
        var cached = new[] { new CandidateSourceId("InNetwork"), new CandidateSourceId("SocialGraph"), new CandidateSourceId("SimClusters") }
            .SelectMany((source, s) => Enumerable.Range(0, p.MinCachedPerSource).Select(i =>
                new CachedCandidate(Candidate(1_000 * (s + 1) + i, source: source), Now, Query(), Model)))
            .ToArray();
        var query = new TimelineQuery(null!, Query(), p, Now.AddMinutes(-1), _ =>
        {
            reads++;
            return Task.FromResult(FolloweeEngagements.Empty);
        })
        { Cached = cached };

        foreach (var step in config.CandidateSources.Skip(1)) // the cached source itself reads nothing
        {
            Assert.Empty(await step.Source.FetchAsync(query, CancellationToken.None));
        }

        Assert.Equal(0, reads);
    }
}
