using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Models;

namespace Recsys.Grains.Timeline;

/// <summary>
/// One viewer's recently scored candidates (home-mixer's cached scored tweets, algorithm.md 1.1-1.3): after each
/// ranking, the best <see cref="ForYouParams.CachedScoredMax"/> candidates by final score that scored above 0, kept
/// with their model score; each expires <see cref="ForYouParams.CachedScoredTtl"/> after the heavy ranker scored it, so
/// a candidate reused and kept again keeps its first scoring time. Later requests within the TTL feed them back as a
/// candidate source that skips hydration and the heavy ranker, and skip every source that still has enough unseen
/// candidates here (<see cref="Gates.MinCachedCandidatesGate"/>). Held by the Timeline grain in memory, like the
/// published per-user memcache entry: lost with the activation, which costs one full ranking.
/// </summary>
public sealed class ScoredCandidateCache
{
    private CachedCandidateSet _entries = CachedCandidateSet.Empty;

    public int Count => _entries.Count;

    /// <summary>
    /// The entries still fresh at <paramref name="now"/> and scored by <paramref name="model"/>, best first: a new heavy
    /// ranker version takes effect on the next request, since scores of two versions do not compare. When none expired,
    /// the kept snapshot itself (nothing is copied).
    /// </summary>
    public CachedCandidateSet Live(DateTimeOffset now, TimeSpan ttl, HeavyRanker model) =>
        _entries.Where(entry => now - entry.ScoredAt < ttl && entry.Model.Version == model.Version);

    /// <summary>
    /// Replaces the cache with a request's scored candidates (after heuristics, before the post-scoring filters).
    /// Those that came from the cache (<paramref name="reused"/>, by post id) keep their entry; the rest were scored now.
    /// </summary>
    public void Write(IReadOnlyList<Candidate> scored, IReadOnlyDictionary<long, CachedCandidate> reused, RankingQuery query, HeavyRanker model, int max)
    {
        _entries = new CachedCandidateSet(Keep(scored, reused, query, model, max));
    }

    public void Clear() => _entries = CachedCandidateSet.Empty;

    /// <summary>The entries a write keeps: score above 0, best first, at most <paramref name="max"/>.</summary>
    public static IReadOnlyList<CachedCandidate> Keep(IReadOnlyList<Candidate> scored, IReadOnlyDictionary<long, CachedCandidate> reused,
        RankingQuery query, HeavyRanker model, int max)
    {
        var positive = new List<Candidate>(scored.Count);
        foreach (var candidate in scored)
        {
            if (candidate.Score > 0)
            {
                positive.Add(candidate);
            }
        }

        positive.Sort(static (a, b) => b.Score.CompareTo(a.Score));
        var count = Math.Min(max, positive.Count);
        var entries = new CachedCandidate[count];
        for (var i = 0; i < count; i++)
        {
            var candidate = positive[i];
            entries[i] = reused.TryGetValue(candidate.PostId, out var kept)
                ? kept with { Candidate = candidate }
                : new CachedCandidate(candidate, query.Now, query, model);
        }

        return entries;
    }
}
