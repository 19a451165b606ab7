using System.Runtime.InteropServices;
using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;
using Recsys.Grains.Ranking.Models;

namespace Recsys.Grains.Ranking.Scorers;

/// <summary>
/// Author diversity (RescoreAuthorDiversity, algorithm.md 1.6): an author's posts, ranked by model score, are
/// multiplied by (1 - floor) · decay^k + floor for the k-th (0-based): 1, 0.625, 0.4375, ... towards the floor.
/// </summary>
public sealed class AuthorDiversityScorer(double decay, double floor) : IRescorer
{
    public ScorerId Id { get; } = new("AuthorDiversity");

    public void Factors(RankingQuery query, IReadOnlyList<Candidate> candidates, ReadOnlySpan<double> modelScores, Span<double> factors)
    {
        var order = new Key[candidates.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = new Key(modelScores[i], candidates[i].PostId, i);
        }

        // Best model score first; equal scores by post id, so the discount does not depend on input order.
        Array.Sort(order);
        var seen = new Dictionary<long, int>(order.Length);
        foreach (var key in order)
        {
            var author = candidates[key.Index].KnownAuthorId;
            ref var k = ref CollectionsMarshal.GetValueRefOrAddDefault(seen, author, out _);
            factors[key.Index] = DiversityDiscount.Multiplier(k++, decay, floor);
        }
    }

    private readonly record struct Key(double ModelScore, long PostId, int Index) : IComparable<Key>
    {
        public int CompareTo(Key other)
        {
            var c = other.ModelScore.CompareTo(ModelScore);
            c = c != 0 ? c : PostId.CompareTo(other.PostId);
            return c != 0 ? c : Index.CompareTo(other.Index);
        }
    }
}
