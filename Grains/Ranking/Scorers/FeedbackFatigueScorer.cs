using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;
using Recsys.Grains.Ranking.Models;

namespace Recsys.Grains.Ranking.Scorers;

/// <summary>
/// The discount after the fatigue window (FeedbackFatigueScorer, algorithm.md 1.6): m(author) x m(reposter) x
/// m(proof users), where the proof term applies only when every proof user has feedback (then the largest of their
/// multipliers); m = 0.2 + 0.2 · (days past the window) / 35, up to 1.
/// </summary>
public sealed class FeedbackFatigueScorer(TimeSpan window) : IRescorer
{
    public ScorerId Id { get; } = new("FeedbackFatigue");

    public void Factors(RankingQuery query, IReadOnlyList<Candidate> candidates, ReadOnlySpan<double> modelScores, Span<double> factors)
    {
        var fatigue = query.Viewer.Fatigue;
        if (fatigue.Count == 0)
        {
            return;
        }

        double? Of(long user) => fatigue.TryGetValue(user, out var at) ? FatigueDiscount.Multiplier(query.Now - at, window) : null;
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            var m = (Of(c.KnownAuthorId) ?? 1) * (c.ReposterId is { } r ? Of(r) ?? 1 : 1);
            if (c.SocialProof.Count > 0)
            {
                var best = 0.0;
                foreach (var user in c.SocialProof)
                {
                    if (Of(user) is not { } proof)
                    {
                        best = 1.0;
                        break;
                    }

                    best = Math.Max(best, proof);
                }

                m *= best;
            }

            factors[i] = m;
        }
    }
}
