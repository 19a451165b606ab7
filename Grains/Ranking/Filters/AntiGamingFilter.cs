using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Ranking.Filters;

/// <summary>
/// The anti-gaming rule on out-of-network candidates (Earlybird's maxHitsPerUser 3 below maxTweepcredForAntiGaming
/// 65, algorithm.md 1.9): an author whose tweepcred is at most <paramref name="maxTweepcred"/>, or not known yet,
/// contributes at most <paramref name="maxPerAuthor"/> out-of-network candidates, the best scored ones.
/// </summary>
public sealed class AntiGamingFilter(int maxTweepcred, int maxPerAuthor) : IFilter
{
    public FilterId Id { get; } = new("AntiGaming");

    public FilterResult Apply(RankingQuery query, IReadOnlyList<Candidate> candidates)
    {
        var allowed = new HashSet<Candidate>(ReferenceEqualityComparer.Instance);
        var counts = new Dictionary<long, int>();
        foreach (var c in candidates.Where(c => !c.InNetwork).OrderByDescending(c => c.Score).ThenBy(c => c.PostId))
        {
            var reputable = c.Author?.Tweepcred is { } tweepcred && tweepcred > maxTweepcred;
            var count = counts[c.KnownAuthorId] = counts.GetValueOrDefault(c.KnownAuthorId) + 1;
            if (reputable || count <= maxPerAuthor)
            {
                allowed.Add(c);
            }
        }

        return FilterResult.Partition(candidates, c => c.InNetwork || allowed.Contains(c));
    }
}
