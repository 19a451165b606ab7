namespace Recsys.Grains.Ranking.Candidates;

/// <summary>
/// One request as the pure components see it: the viewer, the request time, and on a paging request (one with a
/// cursor) the posts already served in this session.
/// </summary>
public sealed record RankingQuery(Viewer Viewer, DateTimeOffset Now, IReadOnlySet<long> Served, bool IsPaging)
{
    public static RankingQuery Fresh(Viewer viewer, DateTimeOffset now) => new(viewer, now, new HashSet<long>(), false);
}
