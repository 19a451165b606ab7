using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Ranking.Filters;

/// <summary>Drops posts the viewer marked "not interested" or reported: negative feedback shows on the very next page.</summary>
public sealed class DislikedPostFilter : IFilter
{
    public static readonly DislikedPostFilter Instance = new();

    public FilterId Id { get; } = new("DislikedPost");

    public FilterResult Apply(RankingQuery query, IReadOnlyList<Candidate> candidates) => CandidateTests.Apply(Test(query), candidates);

    public Func<Candidate, bool> Test(RankingQuery query)
    {
        var disliked = query.Viewer.DislikedPosts;
        return disliked.Count == 0 ? CandidateTests.KeepAll : c => !disliked.Contains(c.PostId);
    }
}
