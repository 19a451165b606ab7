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
        if (!AnyAuthorOverLimit(candidates))
        {
            return new FilterResult(candidates, []); // no author can exceed the limit
        }

        var outOfNetwork = new List<Key>();
        for (var i = 0; i < candidates.Count; i++)
        {
            if (!candidates[i].InNetwork)
            {
                outOfNetwork.Add(new Key(candidates[i].Score, candidates[i].PostId, i));
            }
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

    // Whether some author has more out-of-network candidates than the limit (only such an author can lose one).
    private bool AnyAuthorOverLimit(IReadOnlyList<Candidate> candidates)
    {
        Dictionary<long, int>? counts = null;
        var outOfNetwork = 0;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates[i].InNetwork)
            {
                continue;
            }

            if (++outOfNetwork <= maxPerAuthor)
            {
                continue; // the first few cannot put any author over the limit: counted only once there are more
            }

            if (counts is null)
            {
                counts = [];
                for (var j = 0; j < i; j++)
                {
                    if (!candidates[j].InNetwork && Add(counts, candidates[j].KnownAuthorId) > maxPerAuthor)
                    {
                        return true;
                    }
                }
            }

            if (Add(counts, candidates[i].KnownAuthorId) > maxPerAuthor)
            {
                return true;
            }
        }

        return false;

        static int Add(Dictionary<long, int> counts, long author) => counts[author] = counts.GetValueOrDefault(author) + 1;
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
