using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Filters;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Ranking.Selectors;

/// <summary>
/// Before hydration: each source keeps its best <paramref name="maxPerSource"/> candidates by light-ranker score,
/// newest first on ties (MaxTweetsToScore 500 per source, algorithm.md 1.3). Output in input order.
/// </summary>
public sealed class KeepTopPerSourceSelector(int maxPerSource) : IScoreSelector
{
    public SelectorId Id { get; } = new("KeepTopPerSource");

    public FilterResult Select(RankingQuery query, IReadOnlyList<Candidate> candidates)
    {
        var scores = new double[candidates.Count];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = candidates[i].LightScore;
        }

        return Keep(candidates, scores) is { } keep ? FilterResult.Partition(candidates, keep) : new FilterResult(candidates, []);
    }

    /// <summary>Which candidates to keep, by the light scores given beside them (null: all of them).</summary>
    public bool[]? Keep(IReadOnlyList<Candidate> candidates, ReadOnlySpan<double> scores)
    {
        var bySource = new Dictionary<CandidateSourceId, List<int>>();
        for (var i = 0; i < candidates.Count; i++)
        {
            if (!bySource.TryGetValue(candidates[i].Source, out var indices))
            {
                bySource[candidates[i].Source] = indices = [];
            }

            indices.Add(i);
        }

        var max = Math.Max(0, maxPerSource);
        bool[]? keep = null;
        foreach (var indices in bySource.Values)
        {
            if (indices.Count <= max)
            {
                continue;
            }

            var order = new Key[indices.Count];
            for (var k = 0; k < order.Length; k++)
            {
                var i = indices[k];
                order[k] = new Key(scores[i], candidates[i].CreatedAt, candidates[i].PostId, i);
            }

            Array.Sort(order);
            keep ??= Enumerable.Repeat(true, candidates.Count).ToArray();
            foreach (var key in order.AsSpan(max))
            {
                keep[key.Index] = false;
            }
        }

        return keep;
    }

    // Light score, then creation time, then post id, all descending; then input order (a stable sort).
    private readonly record struct Key(double LightScore, DateTimeOffset CreatedAt, long PostId, int Index) : IComparable<Key>
    {
        public int CompareTo(Key other)
        {
            var c = other.LightScore.CompareTo(LightScore);
            c = c != 0 ? c : other.CreatedAt.CompareTo(CreatedAt);
            c = c != 0 ? c : other.PostId.CompareTo(PostId);
            return c != 0 ? c : Index.CompareTo(other.Index);
        }
    }
}
