using System.Buffers;
using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Filters;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Ranking.Selectors;

/// <summary>Orders by final score, best first; equal scores newest post first. Drops nothing.</summary>
public sealed class SortByScoreSelector : ISelector, IScoredListStage
{
    public static readonly SortByScoreSelector Instance = new();

    public SelectorId Id { get; } = new("SortByScore");

    public FilterResult Select(RankingQuery query, IReadOnlyList<Candidate> candidates) => ScoredListStage.Apply(this, query, candidates);

    public bool TrySelect(RankingQuery query, IReadOnlyList<Candidate> candidates, ReadOnlySpan<double> scores, Span<int> kept, out int count)
    {
        var rented = ArrayPool<Key>.Shared.Rent(candidates.Count);
        var keys = rented.AsSpan(0, candidates.Count);
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = new Key(scores[i], candidates[i].PostId, i);
        }

        keys.Sort();
        for (var i = 0; i < keys.Length; i++)
        {
            kept[i] = keys[i].Index;
        }

        ArrayPool<Key>.Shared.Return(rented);
        count = keys.Length;
        return true;
    }

    // Score, then post id, both descending; then input order (a stable sort).
    private readonly record struct Key(double Score, long PostId, int Index) : IComparable<Key>
    {
        public int CompareTo(Key other)
        {
            var c = other.Score.CompareTo(Score);
            c = c != 0 ? c : other.PostId.CompareTo(PostId);
            return c != 0 ? c : Index.CompareTo(other.Index);
        }
    }
}
