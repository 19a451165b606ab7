using Recsys.Grains.Ranking.Candidates;

namespace Recsys.Grains.Timeline;

/// <summary>
/// What one pipeline run produced: the ranked list pages are cut from; every candidate with its final score before
/// the post-scoring filters (what the scored-candidate cache keeps); and the run's stats.
/// </summary>
public sealed record ForYouRun(IReadOnlyList<Candidate> Ranked, IReadOnlyList<Candidate> Scored, PipelineStats Stats);
