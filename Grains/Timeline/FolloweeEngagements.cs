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
    private readonly List<long> _proof = [];

    public long PostId { get; } = postId;

    public long AuthorId { get; } = authorId;

    public double Weight { get; private set; }

    public double BestRealGraph { get; private set; }

    public EngagementCounts Counts { get; private set; } = EngagementCounts.Zero;

    public DateTimeOffset LatestAt { get; private set; }

    public IReadOnlyList<long> Proof => _proof;

    public void Add(long seed, double seedWeight, double realGraph, EngagementAction action, DateTimeOffset at)
    {
        Counts = Counts.Add(action);
        LatestAt = at > LatestAt ? at : LatestAt;
        if (_proof.Contains(seed))
        {
            return; // GraphJet counts a seed once per tweet
        }

        Weight += seedWeight;
        BestRealGraph = Math.Max(BestRealGraph, realGraph);
        if (_proof.Count < FolloweeEngagements.MaxProofUsers)
        {
            _proof.Add(seed);
        }
    }
}
