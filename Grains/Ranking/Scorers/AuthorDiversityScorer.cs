using System.Buffers;
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
        // Pooled: a request sorts ~1,000 keys here, and a fresh array each time was a tenth of a refresh's allocation.
        var rented = ArrayPool<Key>.Shared.Rent(candidates.Count);
        var order = rented.AsSpan(0, candidates.Count);
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = new Key(candidates[i].KnownAuthorId, modelScores[i], candidates[i].PostId, i);
        }

        // By author, then best model score first; equal scores by post id, so the discount does not depend on input
        // order. k is then the place within the author's run.
        order.Sort();
        for (int i = 0, k = 0; i < order.Length; i++)
        {
            k = i > 0 && order[i].Author == order[i - 1].Author ? k + 1 : 0;
            factors[order[i].Index] = DiversityDiscount.Multiplier(k, decay, floor);
        }

        ArrayPool<Key>.Shared.Return(rented);
    }

    private readonly record struct Key(long Author, double ModelScore, long PostId, int Index) : IComparable<Key>
    {
        public int CompareTo(Key other)
        {
            var c = Author.CompareTo(other.Author);
            c = c != 0 ? c : other.ModelScore.CompareTo(ModelScore);
            c = c != 0 ? c : PostId.CompareTo(other.PostId);
            return c != 0 ? c : Index.CompareTo(other.Index);
        }
    }
}
