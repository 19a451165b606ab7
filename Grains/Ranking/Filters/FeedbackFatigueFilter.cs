using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Ranking.Filters;

/// <summary>
/// Drops a candidate while "see less often" feedback younger than <paramref name="window"/> (published 14 days,
/// algorithm.md 1.4) targets its author, its reposter, or every one of its social-proof users. Older feedback
/// only discounts (<see cref="Scorers.FeedbackFatigueScorer"/>). Runs again after hydration, when a repost's
/// original author is known.
/// </summary>
public sealed class FeedbackFatigueFilter(TimeSpan window) : IFilter
{
    public FilterId Id { get; } = new("FeedbackFatigue");

    public FilterResult Apply(RankingQuery query, IReadOnlyList<Candidate> candidates) => CandidateTests.Apply(Test(query), candidates);

    public Func<Candidate, bool> Test(RankingQuery query)
    {
        var fatigue = query.Viewer.Fatigue;
        if (fatigue.Count == 0)
        {
            return CandidateTests.KeepAll;
        }

        bool Recent(long user) => fatigue.TryGetValue(user, out var at) && query.Now - at < window;
        return c =>
            !Recent(c.KnownAuthorId)
            && !(c.ReposterId is { } reposter && Recent(reposter))
            && !(c.SocialProof.Count > 0 && c.SocialProof.All(Recent));
    }
}
