namespace Recsys.Grains.Interfaces.Users;

/// <summary>
/// A followee's post as the in-network source sees it: written into each follower's inbox at post time (fan-out),
/// or pulled from a large author's recent posts at read time.
/// </summary>
public sealed record InboxEntry(
    long PostId,
    long AuthorId,
    DateTimeOffset CreatedAt,
    bool IsReply,
    long? ReplyToId,
    long? RepostOfId,
    bool HasMedia);

/// <summary>In-network candidates, newest first: inbox entries and entries pulled from large followees.</summary>
public sealed record InNetworkCandidates(IReadOnlyList<InboxEntry> Entries, int FromInbox, int Pulled);
