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

    public void Factors(RankingQuery query, IReadOnlyList<Candidate> candidates, Span<double> factors)
    {
        var order = new int[candidates.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        // Best model score first; equal scores by post id, so the discount does not depend on input order.
        Array.Sort(order, (a, b) => candidates[b].ModelScore.CompareTo(candidates[a].ModelScore) is var byScore and not 0
            ? byScore
            : candidates[a].PostId.CompareTo(candidates[b].PostId));
        var seen = new Dictionary<long, int>();
        foreach (var i in order)
        {
            var author = candidates[i].KnownAuthorId;
            var k = seen.GetValueOrDefault(author);
            seen[author] = k + 1;
            factors[i] = DiversityDiscount.Multiplier(k, decay, floor);
        }
    }
}
