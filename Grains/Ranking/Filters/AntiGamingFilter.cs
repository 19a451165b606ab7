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
        var outOfNetwork = new List<Key>();
        for (var i = 0; i < candidates.Count; i++)
        {
            if (!candidates[i].InNetwork)
            {
                outOfNetwork.Add(new Key(candidates[i].Score, candidates[i].PostId, i));
            }
        }

        if (outOfNetwork.Count <= maxPerAuthor)
        {
            return new FilterResult(candidates, []); // no author can exceed the limit
        }

        outOfNetwork.Sort();
        var keep = new bool[candidates.Count];
        keep.AsSpan().Fill(true);
        var counts = new Dictionary<long, int>(outOfNetwork.Count);
        foreach (var key in outOfNetwork)
        {
            var c = candidates[key.Index];
            var reputable = c.Author?.Tweepcred is { } tweepcred && tweepcred > maxTweepcred;
            var count = counts[c.KnownAuthorId] = counts.GetValueOrDefault(c.KnownAuthorId) + 1;
            keep[key.Index] = reputable || count <= maxPerAuthor;
        }

        return FilterResult.Partition(candidates, keep);
    }

    // Best score first, then lower post id, then input order (a stable sort).
    private readonly record struct Key(double Score, long PostId, int Index) : IComparable<Key>
    {
        public int CompareTo(Key other)
        {
            var c = other.Score.CompareTo(Score);
            c = c != 0 ? c : PostId.CompareTo(other.PostId);
            return c != 0 ? c : Index.CompareTo(other.Index);
        }
    }
}
