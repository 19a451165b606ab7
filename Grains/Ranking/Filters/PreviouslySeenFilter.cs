using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Ranking.Filters;

/// <summary>Drops posts in the viewer's recent impressions (PreviouslySeenTweets, algorithm.md 1.4: 5,000 ids, 2 days).</summary>
public sealed class PreviouslySeenFilter : IFilter
{
    public static readonly PreviouslySeenFilter Instance = new();

    public FilterId Id { get; } = new("PreviouslySeen");

    public FilterResult Apply(RankingQuery query, IReadOnlyList<Candidate> candidates) => CandidateTests.Apply(Test(query), candidates);

    public Func<Candidate, bool> Test(RankingQuery query)
    {
        var seen = query.Viewer.Impressions;
        return seen.Count == 0 ? CandidateTests.KeepAll : c => !seen.Contains(c.PostId);
    }
}
