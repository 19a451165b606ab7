using Recsys.Grains.Interfaces.Posts;
using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Ranking.Filters;

/// <summary>
/// Health labels: an out-of-network post labelled toxic or misinformation is not amplified (the recommendations
/// policy's "do not amplify" drops, algorithm.md 1.8); followees' labelled posts stay, as the home policy keeps them.
/// </summary>
public sealed class HealthLabelFilter : IFilter
{
    public static readonly HealthLabelFilter Instance = new();

    public FilterId Id { get; } = new("HealthLabel");

    private static readonly Func<Candidate, bool> Healthy = static c => c.InNetwork || c.Post is not { } post
        || !(post.HasLabel(PostLabel.Toxicity) || post.HasLabel(PostLabel.Misinformation));

    public FilterResult Apply(RankingQuery query, IReadOnlyList<Candidate> candidates) => FilterResult.Partition(candidates, Healthy);

    public Func<Candidate, bool> Test(RankingQuery query) => Healthy;
}
