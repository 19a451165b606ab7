using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Ranking.Filters;

/// <summary>
/// An out-of-network post needs social proof (someone the viewer follows engaged with it), interest proof (our topic
/// proof), a verified author, or to be a reply (shown in its conversation): ScoredTweetsSocialContextFilter with the
/// For You verified-author bypass, algorithm.md 1.7 and 1.8.
/// </summary>
public sealed class SocialContextFilter : IFilter
{
    public static readonly SocialContextFilter Instance = new();

    public FilterId Id { get; } = new("SocialContext");

    // The candidate's own flags first: the proof list, the post and the author are each another object to reach.
    private static readonly Func<Candidate, bool> HasContext = static c =>
        c.InNetwork || c.InterestProof || c.SocialProof.Count > 0 || c.IsReply || c.Author is { Verified: true };

    public FilterResult Apply(RankingQuery query, IReadOnlyList<Candidate> candidates) => FilterResult.Partition(candidates, HasContext);

    public Func<Candidate, bool> Test(RankingQuery query) => HasContext;
}
