using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Timeline.CandidateSources;

/// <summary>
/// The viewer's cached scored candidates (home-mixer's CachedScoredTweetsCandidatePipelineConfig, algorithm.md 1.2):
/// declared first, so a post another source finds again keeps its cached copy. Each keeps the id of the source that
/// first found it (the gates count per source); the pipeline skips hydration and the heavy ranker for them.
/// </summary>
public sealed class CachedScoredCandidateSource : ICandidateSource
{
    public static readonly CachedScoredCandidateSource Instance = new();

    public CandidateSourceId Id { get; } = new("CachedScored");

    public Task<IReadOnlyList<Candidate>> FetchAsync(TimelineQuery query, CancellationToken cancellation) =>
        Task.FromResult(query.CachedCandidates);
}
