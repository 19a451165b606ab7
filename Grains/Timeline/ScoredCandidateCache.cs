using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Models;
using Recsys.Grains.Ranking.Scorers;

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
        _entries.Live(now, ttl, model.Version);

    /// <summary>
    /// Replaces the cache with a request's scored candidates (after heuristics, before the post-scoring filters).
    /// Those that came from the cache (<paramref name="reused"/>, by post id) keep their entry as it is; the rest were
    /// scored now.
    /// </summary>
    public void Write(ScoredCandidates scored, IReadOnlyDictionary<long, CachedCandidate> reused, RankingQuery query, HeavyRanker model, int max)
    {
        _entries = new CachedCandidateSet(Keep(scored, reused, query, model, max));
    }

    public void Clear() => _entries = CachedCandidateSet.Empty;

    /// <summary>
    /// The entries a write keeps: final score above 0, best first (equal scores in list order), at most
    /// <paramref name="max"/>. A reused candidate keeps its entry, and with it the candidate as first scored: the model
    /// score is all a later request reads of it (its heuristics run again), so it is not copied with each request's
    /// final score. A write with candidates scored now lays every entry out afresh in cache order.
    /// </summary>
    public static IReadOnlyList<CachedCandidate> Keep(ScoredCandidates scored, IReadOnlyDictionary<long, CachedCandidate> reused,
        RankingQuery query, HeavyRanker model, int max)
    {
        var scores = scored.Scores;
        var positive = new List<int>(scored.Count);
        for (var i = 0; i < scored.Count; i++)
        {
            if (scores[i] > 0)
            {
                positive.Add(i);
            }
        }

        var finals = scores.ToArray();
        positive.Sort((a, b) => finals[a] != finals[b] ? finals[b].CompareTo(finals[a]) : a.CompareTo(b));
        var count = Math.Min(max, positive.Count);
        var scoredNow = false; // a write that only drops entries keeps the others where they are: still in order
        for (var k = 0; k < count && !scoredNow; k++)
        {
            scoredNow = !reused.ContainsKey(scored.Candidates[positive[k]].PostId);
        }

        var entries = new CachedCandidate[count];
        for (var k = 0; k < count; k++)
        {
            var i = positive[k];
            var candidate = scored.Candidates[i];
            entries[k] = reused.TryGetValue(candidate.PostId, out var kept)
                ? scoredNow ? kept with { Candidate = LaidOut(kept.Candidate, kept.Candidate.ModelScore, kept.Candidate.Score) } : kept
                : new CachedCandidate(LaidOut(candidate, scored.ModelScores[i], scores[i]), query.Now, query, model);
        }

        return entries;
    }

    // A write that scored new candidates copies every entry in cache order beside its post and author facts, which a
    // refresh reads with it: memory read in order is fetched ahead of use, while the hydrated candidates and the facts
    // they share with other viewers lie wherever hydration put them, a cache miss or more for each of ~1,000 candidates
    // on every refresh (issue 10).
    private static Candidate LaidOut(Candidate candidate, double modelScore, double score)
    {
        var post = candidate.Post is { } p ? p with { } : null;
        var author = candidate.Author is { } a ? a with { } : null;
        return candidate with { Post = post, Author = author, ModelScore = modelScore, Score = score };
    }
}
