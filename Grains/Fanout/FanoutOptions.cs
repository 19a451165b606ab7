namespace Recsys.Grains.Fanout;

/// <summary>How new posts reach followers: pushed into inboxes, or pulled at read time for large authors.</summary>
public sealed class FanoutOptions
{
    /// <summary>The default value for <see cref="PullThreshold"/> (issue 5: authors with more than 10,000 followers are pulled).</summary>
    public const int DefaultPullThreshold = 10_000;

    /// <summary>The default value for <see cref="InboxCapacity"/> (issue 5: about 800, the size of Twitter's cached home timelines).</summary>
    public const int DefaultInboxCapacity = 800;

    /// <summary>The default value for <see cref="RebuildWindow"/>: 48 h, the longest in-network retrieval window (algorithm.md 1.2).</summary>
    public static readonly TimeSpan DefaultRebuildWindow = TimeSpan.FromHours(48);

    /// <summary>The default value for <see cref="PostsPerFolloweeOnRebuild"/> (ours).</summary>
    public const int DefaultPostsPerFolloweeOnRebuild = 50;

    /// <summary>The default value for <see cref="MaxParallelCalls"/> (ours).</summary>
    public const int DefaultMaxParallelCalls = 256;

    /// <summary>Authors with more followers than this are not fanned out; their followers pull their posts at read time.</summary>
    public int PullThreshold { get; set; } = DefaultPullThreshold;

    /// <summary>Entries an inbox keeps; the oldest fall out.</summary>
    public int InboxCapacity { get; set; } = DefaultInboxCapacity;

    /// <summary>How far back an inbox is rebuilt from followees' recent posts after activation.</summary>
    public TimeSpan RebuildWindow { get; set; } = DefaultRebuildWindow;

    /// <summary>Posts read from each followee when an inbox is rebuilt, and from each large followee per read.</summary>
    public int PostsPerFolloweeOnRebuild { get; set; } = DefaultPostsPerFolloweeOnRebuild;

    /// <summary>Calls a fan-out or a rebuild has in flight at once.</summary>
    public int MaxParallelCalls { get; set; } = DefaultMaxParallelCalls;
}
