using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Ranking.Filters;

/// <summary>
/// After hydration: drops candidates whose post or author could not be read, or whose author is suspended (the
/// Tweetypie-hydrated filter of algorithm.md 1.8: what hydration did not return is not served).
/// </summary>
public sealed class UnavailableFilter : IFilter
{
    public static readonly UnavailableFilter Instance = new();

    public FilterId Id { get; } = new("Unavailable");

    private static readonly Func<Candidate, bool> Available = static c => c.Post is not null && c.Author is { Exists: true, Suspended: false };

    public FilterResult Apply(RankingQuery query, IReadOnlyList<Candidate> candidates) => FilterResult.Partition(candidates, Available);

    public Func<Candidate, bool> Test(RankingQuery query) => Available;
}
