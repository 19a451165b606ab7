using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Ranking.Filters;

/// <summary>
/// The viewer's side of blocks and mutes (the TimelineHome user rules, algorithm.md 1.8): drops a post whose author
/// or reposter the viewer blocked, muted or reported. Runs after hydration, and again on every page served from a
/// kept ranked list, with the viewer's latest lists.
/// </summary>
public sealed class ViewerRelationshipFilter : IFilter
{
    public static readonly ViewerRelationshipFilter Instance = new();

    public FilterId Id { get; } = new("BlockedOrMutedByViewer");

    public FilterResult Apply(RankingQuery query, IReadOnlyList<Candidate> candidates) => CandidateTests.Apply(Test(query), candidates);

    public Func<Candidate, bool> Test(RankingQuery query)
    {
        var viewer = query.Viewer;
        if (viewer.Blocks.Count + viewer.Mutes.Count + viewer.Reported.Count == 0)
        {
            return CandidateTests.KeepAll;
        }

        bool Shunned(long user) => viewer.Blocks.Contains(user) || viewer.Mutes.Contains(user) || viewer.Reported.Contains(user);
        return c => !Shunned(c.KnownAuthorId) && !(c.ReposterId is { } reposter && Shunned(reposter));
    }
}
