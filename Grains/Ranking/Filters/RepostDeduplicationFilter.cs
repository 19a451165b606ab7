using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Ranking.Filters;

/// <summary>
/// Among reposts keeps the first per original post, and drops a repost when the original is itself a candidate
/// (RetweetDeduplication, algorithm.md 1.4).
/// </summary>
public sealed class RepostDeduplicationFilter : IFilter
{
    public static readonly RepostDeduplicationFilter Instance = new();

    public FilterId Id { get; } = new("RepostDeduplication");

    public FilterResult Apply(RankingQuery query, IReadOnlyList<Candidate> candidates)
    {
        var natives = new HashSet<long>(candidates.Count);
        foreach (var candidate in candidates)
        {
            if (!candidate.IsRepost)
            {
                natives.Add(candidate.PostId);
            }
        }

        var reposted = new HashSet<long>();
        return FilterResult.Partition(candidates, c => !c.IsRepost || (!natives.Contains(c.PostId) && reposted.Add(c.PostId)));
    }
}
