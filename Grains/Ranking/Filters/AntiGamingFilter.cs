using System.Buffers;
using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Ranking.Filters;

/// <summary>
/// The anti-gaming rule on out-of-network candidates (Earlybird's maxHitsPerUser 3 below maxTweepcredForAntiGaming
/// 65, algorithm.md 1.9): an author whose tweepcred is at most <paramref name="maxTweepcred"/>, or not known yet,
/// contributes at most <paramref name="maxPerAuthor"/> out-of-network candidates, the best scored ones.
/// </summary>
public sealed class AntiGamingFilter(int maxTweepcred, int maxPerAuthor) : IFilter, IScoredListStage
{
    // Reused by each thread (the filter runs synchronously), like the pooled arrays below.
    [ThreadStatic]
    private static Dictionary<long, int>? t_counts;

    public FilterId Id { get; } = new("AntiGaming");

    public FilterResult Apply(RankingQuery query, IReadOnlyList<Candidate> candidates) => ScoredListStage.Apply(this, query, candidates);

    public bool TrySelect(RankingQuery query, IReadOnlyList<Candidate> candidates, ReadOnlySpan<double> scores, Span<int> kept, out int count)
    {
        if (!AnyAuthorOverLimit(candidates))
        {
            count = ScoredListStage.KeepAll(candidates.Count, kept); // no author can exceed the limit
            return true;
        }

        // Pooled: a refresh from the cache ranks ~1,000 candidates, and the growing key list was a tenth of its allocation.
        var (keys, flags) = (ArrayPool<Key>.Shared.Rent(candidates.Count), ArrayPool<bool>.Shared.Rent(candidates.Count));
        var outOfNetwork = 0;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (!candidates[i].InNetwork)
            {
                keys[outOfNetwork++] = new Key(scores[i], candidates[i].PostId, i);
            }
        }

        var ordered = keys.AsSpan(0, outOfNetwork);
        ordered.Sort();
        var keep = flags.AsSpan(0, candidates.Count);
        keep.Fill(true);
        var counts = t_counts ??= [];
        counts.Clear();
        foreach (var key in ordered)
        {
            var c = candidates[key.Index];
            var reputable = c.Author?.Tweepcred is { } tweepcred && tweepcred > maxTweepcred;
            var n = counts[c.KnownAuthorId] = counts.GetValueOrDefault(c.KnownAuthorId) + 1;
            keep[key.Index] = reputable || n <= maxPerAuthor;
        }

        count = ScoredListStage.Indices(keep, kept);
        ArrayPool<Key>.Shared.Return(keys);
        ArrayPool<bool>.Shared.Return(flags);
        return true;
    }

    // Whether some author has more out-of-network candidates than the limit (only such an author can lose one).
    private bool AnyAuthorOverLimit(IReadOnlyList<Candidate> candidates)
    {
        Dictionary<long, int>? counts = null; // the thread's map, once there are more than the limit
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
                counts = t_counts ??= [];
                counts.Clear();
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
