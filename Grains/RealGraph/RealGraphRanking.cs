using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Models;

namespace Recsys.Grains.RealGraph;

/// <summary>
/// Scores a user's RealGraph candidates with the active model and keeps the top edges. Candidates are the union of
/// the interaction edges and the follow edges, minus the negative edges (blocked, muted, reported), as in the
/// published candidate query; they are ranked by (num_days desc, then score desc) and the top
/// <see cref="RealGraphOptions.MaxEdges"/> kept (the published order ranks ties by num_tweets, which we do not
/// hydrate, so score breaks them); the result is sorted by score, highest first.
/// </summary>
public static class RealGraphRanking
{
    /// <summary>What a candidate edge is: interaction state (null for a bare follow) and whether it is followed.</summary>
    public readonly record struct Candidate(long UserId, InteractionEdge? Edge, bool Followed);

    public static IReadOnlyList<RealGraphEdgeScore> Top(
        IEnumerable<Candidate> candidates, CompiledHead head, DateTimeOffset now, RealGraphOptions options, int max)
    {
        var today = RealGraphDay.Of(now);
        Span<double> features = stackalloc double[RealGraphFeatures.Names.Count];
        var scored = new List<(RealGraphEdgeScore Edge, double NumDays)>();
        foreach (var candidate in candidates)
        {
            RealGraphFeatures.Compute(candidate.Edge, today, options, features);
            var score = (float)Math.Clamp(head.Evaluate(features), 0, 1);
            scored.Add((new RealGraphEdgeScore(candidate.UserId, score, candidate.Followed), features[RealGraphFeatures.NumDays]));
        }

        return scored
            .OrderByDescending(s => s.NumDays).ThenByDescending(s => s.Edge.Score).ThenBy(s => s.Edge.UserId)
            .Take(options.MaxEdges)
            .Select(s => s.Edge)
            .OrderByDescending(e => e.Score).ThenBy(e => e.UserId)
            .Take(Math.Max(0, max))
            .ToArray();
    }

    /// <summary>The score of one edge with every feature's contribution, and the model head that produced it.</summary>
    public static (float Score, IReadOnlyList<Interfaces.Models.FeatureContribution> Terms) Explain(
        InteractionEdge? edge, CompiledHead head, DateTimeOffset now, RealGraphOptions options)
    {
        Span<double> features = stackalloc double[RealGraphFeatures.Names.Count];
        RealGraphFeatures.Compute(edge, RealGraphDay.Of(now), options, features);
        return ((float)Math.Clamp(head.Evaluate(features), 0, 1), head.Explain(features));
    }
}
