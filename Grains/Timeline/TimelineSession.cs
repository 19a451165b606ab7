using Recsys.Grains.Ranking.Candidates;

namespace Recsys.Grains.Timeline;

/// <summary>
/// A ranked list kept in memory for cursor paging (3 minutes, as the scored-tweets cache, algorithm.md 1.1): the query,
/// config and models it was ranked with, the candidates best first, and what was served from it.
/// </summary>
public sealed class TimelineSession(long id, RankingQuery query, ForYouPipelineConfig config, IReadOnlyList<Candidate> ranked, string? realGraphModel,
    IReadOnlyDictionary<long, CachedCandidate> reused)
{
    private readonly HashSet<long> _served = [];

    public long Id { get; } = id;

    public DateTimeOffset CreatedAt => Query.Now;

    /// <summary>The query the list was ranked for (explanations recompute the heavy ranker's inputs from it).</summary>
    public RankingQuery Query { get; } = query;

    public ForYouPipelineConfig Config { get; } = config;

    public IReadOnlyList<Candidate> Ranked { get; } = ranked;

    public string? RealGraphModel { get; } = realGraphModel;

    /// <summary>The ranked candidates that came from the viewer's scored-candidate cache, by post id: scored by an earlier query.</summary>
    public IReadOnlyDictionary<long, CachedCandidate> Reused { get; } = reused;

    public int Pages { get; private set; }

    public IReadOnlySet<long> Served => _served;

    public bool IsFresh(DateTimeOffset now, TimeSpan ttl) => now - CreatedAt < ttl;

    /// <summary>The ranked candidates not served yet, in rank order.</summary>
    public IReadOnlyList<Candidate> Remaining() => Ranked.Where(c => !_served.Contains(c.PostId)).ToArray();

    public void MarkServed(IEnumerable<Candidate> page)
    {
        foreach (var candidate in page)
        {
            _served.Add(candidate.PostId);
        }

        Pages++;
    }
}
