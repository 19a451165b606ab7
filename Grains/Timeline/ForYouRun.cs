using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Scorers;

namespace Recsys.Grains.Timeline;

/// <summary>
/// What one pipeline run produced: the ranked list pages are cut from (its authors not yet read for the viewer: each
/// page reads its own); the first page, read; every candidate with its final score beside it, before the post-scoring
/// filters (what the scored-candidate cache keeps); and the run's stats.
/// </summary>
public sealed record ForYouRun(IReadOnlyList<Candidate> Ranked, IReadOnlyList<Candidate> Page, ScoredCandidates Scored, PipelineStats Stats);
