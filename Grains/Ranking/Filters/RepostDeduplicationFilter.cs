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

    // Reused by each thread and emptied after each call (the filter runs synchronously): sized by the reposts, not the list.
    [ThreadStatic]
    private static HashSet<long>? t_reposted, t_nativeReposted, t_kept;

    public FilterResult Apply(RankingQuery query, IReadOnlyList<Candidate> candidates)
    {
        var reposted = t_reposted ??= [];
        foreach (var candidate in candidates)
        {
            if (candidate.IsRepost)
            {
                reposted.Add(candidate.PostId);
            }
        }

        if (reposted.Count == 0)
        {
            return new FilterResult(candidates, []); // a list without reposts, as most refreshes from the cache are
        }

        // The originals that are candidates themselves, among those reposted.
        var (natives, kept) = (t_nativeReposted ??= [], t_kept ??= []);
        foreach (var candidate in candidates)
        {
            if (!candidate.IsRepost && reposted.Contains(candidate.PostId))
            {
                natives.Add(candidate.PostId);
            }
        }

        try
        {
            return FilterResult.Partition(candidates, c => !c.IsRepost || (!natives.Contains(c.PostId) && kept.Add(c.PostId)));
        }
        finally
        {
            reposted.Clear();
            natives.Clear();
            kept.Clear();
        }
    }
}
