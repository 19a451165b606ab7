using Recsys.Grains.Interfaces.Timeline;
using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Models;
using Recsys.Grains.Ranking.Scorers;
using Recsys.Grains.Timeline.SideEffects;

namespace Recsys.Grains.Timeline;

/// <summary>Turns ranked candidates into served items, with their explanation when asked (step 10).</summary>
public static class ForYouExplainer
{
    public static ForYouItem ToItem(Candidate c, TimelineSession session, ServedRanking ranking, bool explain, bool fromCache) => new(
        c.PostId,
        c.KnownAuthorId,
        c.Score,
        c.Source.Name,
        c.InNetwork,
        c.SocialProof,
        explain ? Explain(c, session, ranking, fromCache) : null);

    public static ForYouExplain Explain(Candidate c, TimelineSession session, ServedRanking ranking, bool fromCache)
    {
        var config = session.Config;

        // A candidate reused from the cache is explained as it was scored: that query, that model.
        var (query, model) = ranking.ScoredWith(c.PostId);
        var (x, p) = HeavyRankerScorer.Explain(model, query, c);
        var heads = new Dictionary<string, double>(RankingHeads.Count);
        for (var i = 0; i < RankingHeads.Count; i++)
        {
            heads[RankingHeads.Names[i]] = p[i];
        }

        var features = new Dictionary<string, double>(HeavyRankerFeatures.Count);
        for (var i = 0; i < HeavyRankerFeatures.Count; i++)
        {
            features[HeavyRankerFeatures.Names[i]] = x[i];
        }

        var versions = new Dictionary<string, string>
        {
            [LightRanker.ModelName] = config.LightModel.Version,
            [HeavyRanker.ModelName] = model.Version,
            ["realgraph"] = session.RealGraphModel ?? "none",
        };
        var filters = fromCache ? config.FiltersPassed.Concat(config.PageFilters.Select(f => f.Id.Scope)).ToArray() : config.FiltersPassed;
        return new ForYouExplain(c.Source.Name, c.SocialProof, c.ReposterId, c.LightScore, heads, versions, c.ModelScore, c.Factors, c.Score,
            filters, features);
    }
}
