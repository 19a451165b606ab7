using Recsys.Grains.Interfaces.Timeline;
using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Timeline;

/// <summary>
/// One For You request as the grain-facing components see it: the viewer as read from its User grain (raw and as
/// the pure <see cref="Ranking"/> query), the params snapshot, when the viewer last asked, its cached scored candidates, and the followees'
/// recent engagements, read once and shared by the social-graph source and the social-proof hydrator.
/// </summary>
public sealed class TimelineQuery
{
    private readonly Lazy<Task<FolloweeEngagements>> _followeeEngagements;
    private readonly Dictionary<CandidateSourceId, int> _unseenCached = [];
    private readonly CachedCandidateSet _cached = CachedCandidateSet.Empty;
    private int _calls;
    private int _started;

    public TimelineQuery(RankingViewer raw, RankingQuery ranking, ForYouParams parameters, DateTimeOffset? lastRequestAt,
        Func<TimelineQuery, Task<FolloweeEngagements>> readFolloweeEngagements)
    {
        Raw = raw;
        Ranking = ranking;
        Params = parameters;
        LastRequestAt = lastRequestAt;
        _followeeEngagements = new Lazy<Task<FolloweeEngagements>>(() => readFolloweeEngagements(this));
    }

    public RankingViewer Raw { get; }

    public RankingQuery Ranking { get; }

    public Viewer Viewer => Ranking.Viewer;

    public long ViewerId => Ranking.Viewer.UserId;

    public DateTimeOffset Now => Ranking.Now;

    public ForYouParams Params { get; }

    /// <summary>When this viewer's previous For You request was served (null: none remembered).</summary>
    public DateTimeOffset? LastRequestAt { get; }

    /// <summary>The followees' recent engagements; read on first use, then shared.</summary>
    public Task<FolloweeEngagements> FolloweeEngagements => _followeeEngagements.Value;

    /// <summary>The viewer's cached scored candidates still fresh at the request (empty when the cached source is switched off).</summary>
    public IReadOnlyList<CachedCandidate> Cached
    {
        get => _cached;
        init
        {
            _cached = value as CachedCandidateSet ?? new CachedCandidateSet(value);
            foreach (var (source, posts) in _cached.BySource)
            {
                var unseen = 0;
                foreach (var post in posts)
                {
                    unseen += Viewer.Impressions.Contains(post) ? 0 : 1;
                }

                _unseenCached[source] = unseen;
            }
        }
    }

    /// <summary><see cref="Cached"/> by post id (built once per cache write, shared by the requests that reuse it).</summary>
    public IReadOnlyDictionary<long, CachedCandidate> CachedByPost => _cached.ByPost;

    /// <summary>The candidates of <see cref="Cached"/> alone, in order (built once per cache write).</summary>
    public IReadOnlyList<Candidate> CachedCandidates => _cached.Candidates;

    /// <summary>How many of <see cref="Cached"/> the source found and the viewer has not seen (counted once per request).</summary>
    public int UnseenCached(CandidateSourceId source) => _unseenCached.GetValueOrDefault(source);

    /// <summary>Grain calls the request's hydrators made (cache misses included, cache hits not).</summary>
    public int Calls => Volatile.Read(ref _calls);

    public void CountCalls(int calls) => Interlocked.Add(ref _calls, calls);

    /// <summary>Starts the followee-engagement read once, its failure observed (a source that awaits it sees the failure).</summary>
    public void StartFolloweeEngagements()
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            _ = FolloweeEngagements.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }

    /// <summary>The followee engagements if they were read already (the social-proof hydrator does not wait for them).</summary>
    public FolloweeEngagements? FolloweeEngagementsIfRead =>
        _followeeEngagements.IsValueCreated && _followeeEngagements.Value.IsCompletedSuccessfully ? _followeeEngagements.Value.Result : null;
}
