using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Ranking.Filters;

/// <summary>
/// Drops the viewer's own posts and posts the viewer reposted (home-mixer's RejectTweetFromViewer, algorithm.md 1.4).
/// Runs again after hydration, when the original author of a followee's repost is known.
/// </summary>
public sealed class ViewerOwnPostFilter : IFilter
{
    public static readonly ViewerOwnPostFilter Instance = new();

    public FilterId Id { get; } = new("ViewerOwnPost");

    public FilterResult Apply(RankingQuery query, IReadOnlyList<Candidate> candidates) => CandidateTests.Apply(Test(query), candidates);

    public Func<Candidate, bool> Test(RankingQuery query)
    {
        var viewer = query.Viewer.UserId;
        return c => c.KnownAuthorId != viewer && c.ReposterId != viewer;
    }
}
