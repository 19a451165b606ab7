namespace Recsys.Grains.Timeline.CandidateSources;

/// <summary>
/// Accounts recommended to the viewer (the FRS seed users of the published FRS candidate pipeline, algorithm.md 1.2).
/// Who-to-follow is not built yet: until it is, <see cref="NoFollowRecommendations"/> answers and the source that
/// reads this stays behind <see cref="ForYouParams.EnableFollowRecommendationSource"/>.
/// </summary>
public interface IFollowRecommendations
{
    Task<IReadOnlyList<long>> RecommendAsync(long viewerId, int max, CancellationToken cancellation);
}

/// <summary>Recommends nobody (the placeholder until who-to-follow exists).</summary>
public sealed class NoFollowRecommendations : IFollowRecommendations
{
    public Task<IReadOnlyList<long>> RecommendAsync(long viewerId, int max, CancellationToken cancellation) =>
        Task.FromResult<IReadOnlyList<long>>([]);
}
