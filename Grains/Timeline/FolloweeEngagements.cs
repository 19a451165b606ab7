using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Ranking.Candidates;

namespace Recsys.Grains.Timeline;

/// <summary>
/// The posts the viewer's followees engaged with recently, counted as GraphJet's TopSecondDegreeByCount counts
/// them (algorithm.md 5.2): each engagement by a seed followee adds the seed's weight (RealGraph rescaled to
/// [1, 2.97]) to the post, and the seed joins the post's social proof (at most 10 users, as UTEG keeps). Only the
/// social-proof types UTEG allows count: like, repost, reply, quote.
/// </summary>
public sealed class FolloweeEngagements
{
    /// <summary>UTEG's max social proof size (5.1).</summary>
    public const int MaxProofUsers = 10;

    public static readonly FolloweeEngagements Empty = new(new Dictionary<long, EngagedPost>());

    public FolloweeEngagements(IReadOnlyDictionary<long, EngagedPost> posts) => Posts = posts;

    public IReadOnlyDictionary<long, EngagedPost> Posts { get; }

    public static bool Counts(EngagementAction action) =>
        action is EngagementAction.Like or EngagementAction.Repost or EngagementAction.Reply or EngagementAction.Quote;
}

/// <summary>One post the viewer's followees engaged with: its author, summed seed weight, proof users, counts by type, latest engagement.</summary>
public sealed class EngagedPost(long postId, long authorId)
{
    // Kept small, since a request counts hundreds of posts: the proof in an array of exactly its size (most posts
    // have one or two proof users; an array handed out is never written again), and the four counts UTEG allows as
    // numbers (any other action, which the hydrator never adds, in a full set beside them).
    private long[] _proof = [];
    private double _likes, _reposts, _replies, _quotes;
    private EngagementCounts? _others;

    public long PostId { get; } = postId;

    public long AuthorId { get; } = authorId;

    public double Weight { get; private set; }

    public double BestRealGraph { get; private set; }

    public EngagementCounts Counts => (_others ?? EngagementCounts.Zero) with
    {
        Likes = (_others?.Likes ?? 0) + _likes, Reposts = (_others?.Reposts ?? 0) + _reposts,
        Replies = (_others?.Replies ?? 0) + _replies, Quotes = (_others?.Quotes ?? 0) + _quotes,
    };

    public DateTimeOffset LatestAt { get; private set; }

    public IReadOnlyList<long> Proof => _proof;

    public void Add(long seed, double seedWeight, double realGraph, EngagementAction action, DateTimeOffset at)
    {
        switch (action)
        {
            case EngagementAction.Like: _likes++; break;
            case EngagementAction.Repost: _reposts++; break;
            case EngagementAction.Reply: _replies++; break;
            case EngagementAction.Quote: _quotes++; break;
            default: _others = (_others ?? EngagementCounts.Zero).Add(action); break;
        }

        LatestAt = at > LatestAt ? at : LatestAt;
        if (Array.IndexOf(_proof, seed) >= 0)
        {
            return; // GraphJet counts a seed once per tweet
        }

        Weight += seedWeight;
        BestRealGraph = Math.Max(BestRealGraph, realGraph);
        if (_proof.Length < FolloweeEngagements.MaxProofUsers)
        {
            var grown = new long[_proof.Length + 1];
            _proof.CopyTo(grown, 0);
            grown[^1] = seed;
            _proof = grown;
        }
    }
}
