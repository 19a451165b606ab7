using Recsys.Grains.Interfaces.Admin;
using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Interfaces.SimClusters;
using Recsys.Runtime;
using Recsys.Runtime.Concurrency;

namespace Recsys.Grains.Interfaces.Users;

/// <summary>
/// One user (key: user id): profile, follows, blocks, mutes, muted words, topics, contacts, recent posts, recent
/// engagements, impressions, feedback fatigue, login history, rolling aggregates, and the in-network inbox.
/// Methods naming another user or a post throw <see cref="Errors.UnknownEntityException"/> when it does not exist,
/// and <see cref="Errors.ValidationException"/> on a bad value, before changing anything.
/// </summary>
public interface IUserGrain : IGrainWithIntegerKey, IInspectable
{
    /// <summary>Creates or replaces the profile; the profile's id must be this grain's key.</summary>
    Task<UserView> Upsert(UserProfile profile);

    /// <summary>The public profile; throws UnknownEntityException when the user was never created.</summary>
    Task<UserView> GetProfile();

    [AlwaysInterleave]
    Task<bool> Exists();

    /// <summary>Each returns whether anything changed (following twice is not an error).</summary>
    Task<bool> Follow(long targetId);

    Task<bool> Unfollow(long targetId);

    Task<bool> Block(long targetId);

    Task<bool> Unblock(long targetId);

    Task<bool> Mute(long targetId);

    Task<bool> Unmute(long targetId);

    /// <summary>Records a report of another user (and a negative signal on the pair).</summary>
    Task Report(long targetId);

    Task SetMutedWords(IReadOnlyList<string> words);

    /// <summary>Replaces the uploaded address-book hashes.</summary>
    Task SetContacts(IReadOnlyList<string> hashes);

    Task SetFollowedTopics(IReadOnlyList<string> topics);

    /// <summary>Follows many users in one write (imports and sample data); unknown ids are refused as a whole.</summary>
    Task ImportFollows(IReadOnlyList<long> targetIds);

    /// <summary>Called by a Post grain when this user authors a post: recent posts and posting frequency.</summary>
    Task RecordPost(InboxEntry post);

    /// <summary>This author's posts created at or after <paramref name="since"/>, newest first.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<InboxEntry>> GetRecentPosts(DateTimeOffset since, int max);

    /// <summary>Fan-out writes followees' new posts here; the inbox is a bounded cache, never written to storage.</summary>
    [AlwaysInterleave]
    Task AddToInbox(IReadOnlyList<InboxEntry> entries);

    /// <summary>
    /// Followees' posts since <paramref name="since"/>, newest first, at most <paramref name="max"/>: the inbox plus
    /// posts pulled at read time from followees too large to fan out.
    /// </summary>
    Task<InNetworkCandidates> GetInNetworkCandidates(DateTimeOffset since, int max);

    /// <summary>The viewer context of the timeline, in one call.</summary>
    Task<ViewerContext> GetViewerContext();

    Task<UserActivityView> GetActivity();

    /// <summary>
    /// Applies logged engagements where this user is the actor or the subject (deduplicated by sequence). A ValueTask:
    /// the batcher's call then allocates no task (issue 6).
    /// </summary>
    ValueTask ApplyEngagements(IReadOnlyList<LoggedEngagement> events);

    /// <summary>Catches up with the event log and writes a checkpoint now.</summary>
    Task Checkpoint();

    /// <summary>SimClusters job input: whom this user follows and whose posts it liked (decayed).</summary>
    [AlwaysInterleave]
    Task<UserSimClustersInput> GetSimClustersInput();

    /// <summary>Stores what the SimClusters job computed for this user (ignored when older than what is stored).</summary>
    Task SetSimClusters(UserSimClusters simClusters);

    /// <summary>The user's KnownFor community, InterestedIn and producer embedding; null before the first SimClusters run.</summary>
    [AlwaysInterleave]
    Task<UserSimClusters?> GetSimClusters();

    /// <summary>
    /// The user's top RealGraph edges (at most <paramref name="max"/>, highest score first; followed and not followed
    /// accounts, negative edges excluded) and the model version that scored them: for who-to-follow and the timeline.
    /// </summary>
    Task<RealGraphView> GetRealGraph(int max);

    /// <summary>How the RealGraph score toward <paramref name="targetId"/> is made: model version, features, contributions.</summary>
    Task<RealGraphExplanation> ExplainRealGraph(long targetId);

    /// <summary>Tweepcred job input: prior facts, last PageRank, follows (weighted: with RealGraph weights); null if never created.</summary>
    [AlwaysInterleave]
    Task<Reputation.UserReputationInput?> GetTweepcredInput(bool weighted);

    /// <summary>Stores what the tweepcred job computed for this user (ignored when older than what is stored).</summary>
    Task SetTweepcred(Reputation.UserReputation reputation);

    /// <summary>The user's tweepcred and PageRank; null before the first tweepcred run.</summary>
    [AlwaysInterleave]
    Task<Reputation.UserReputation?> GetTweepcred();
}
