using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Models;

namespace Recsys.Grains.Timeline;

/// <summary>
/// A candidate the heavy ranker scored for this viewer, kept for reuse: hydrated, with its model score (heuristics
/// are per request and run again), when and for which query it was scored, and by which model (explanations of a
/// reused candidate show the heads it was scored with, not a recomputation).
/// </summary>
public sealed record CachedCandidate(Candidate Candidate, DateTimeOffset ScoredAt, RankingQuery ScoredWith, HeavyRanker Model);
