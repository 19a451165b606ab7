using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Filters;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Ranking.Selectors;

/// <summary>
/// Before hydration: each source keeps its best <paramref name="maxPerSource"/> candidates by light-ranker score,
/// newest first on ties (MaxTweetsToScore 500 per source, algorithm.md 1.3). Output in input order.
/// </summary>
public sealed class KeepTopPerSourceSelector(int maxPerSource) : ISelector
{
    public SelectorId Id { get; } = new("KeepTopPerSource");

    public FilterResult Select(RankingQuery query, IReadOnlyList<Candidate> candidates)
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

            var order = indices.ToArray();
            order.AsSpan().Sort(new Best(candidates));
            keep ??= Enumerable.Repeat(true, candidates.Count).ToArray();
            foreach (var i in order.AsSpan(max))
            {
                keep[i] = false;
            }
        }

        return keep is null ? new FilterResult(candidates, []) : FilterResult.Partition(candidates, keep);
    }

    // Light score, then creation time, then post id, all descending; then input order (a stable sort).
    private readonly struct Best(IReadOnlyList<Candidate> candidates) : IComparer<int>
    {
        public int Compare(int a, int b)
        {
            var (x, y) = (candidates[a], candidates[b]);
            var c = y.LightScore.CompareTo(x.LightScore);
            c = c != 0 ? c : y.CreatedAt.CompareTo(x.CreatedAt);
            c = c != 0 ? c : y.PostId.CompareTo(x.PostId);
            return c != 0 ? c : a.CompareTo(b);
        }
    }
}
