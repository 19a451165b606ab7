using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Ranking.Filters;

/// <summary>
/// The author's side of blocks and mutes (the "author blocks viewer" rule of TimelineHome, algorithm.md 1.8): drops
/// a post whose author blocks or mutes the viewer. Runs on the final ranked list, whose authors are read for this
/// viewer (the visibility step of the For You mixer comes after scoring, algorithm.md 1.1).
/// </summary>
public sealed class AuthorRelationshipFilter : IFilter
{
    public static readonly AuthorRelationshipFilter Instance = new();

    public FilterId Id { get; } = new("BlockedOrMutedByAuthor");

    private static readonly Func<Candidate, bool> NotShunnedByAuthor = static c => c.Author is not { BlocksViewer: true } and not { MutesViewer: true };

    public FilterResult Apply(RankingQuery query, IReadOnlyList<Candidate> candidates) => FilterResult.Partition(candidates, NotShunnedByAuthor);

    public Func<Candidate, bool> Test(RankingQuery query) => NotShunnedByAuthor;
}
