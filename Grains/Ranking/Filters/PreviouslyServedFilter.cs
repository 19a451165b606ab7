using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Ranking.Filters;

/// <summary>
/// On a paging request only (one with a cursor), drops posts already served in this session
/// (PreviouslyServedTweets, algorithm.md 1.4). A fresh request may serve them again.
/// </summary>
public sealed class PreviouslyServedFilter : IFilter
{
    public static readonly PreviouslyServedFilter Instance = new();

    public FilterId Id { get; } = new("PreviouslyServed");

    public FilterResult Apply(RankingQuery query, IReadOnlyList<Candidate> candidates) => CandidateTests.Apply(Test(query), candidates);

    public Func<Candidate, bool> Test(RankingQuery query) =>
        !query.IsPaging || query.Served.Count == 0 ? CandidateTests.KeepAll : c => !query.Served.Contains(c.PostId);
}
