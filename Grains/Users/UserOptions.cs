namespace Recsys.Grains.Users;

/// <summary>The bounds of everything a User grain keeps ("everything bounded", issue 5).</summary>
public sealed class UserOptions
{
    /// <summary>The default value for <see cref="MaxFollows"/>: X's follow limit (help.x.com, "X's limits": past 5,000 follows, further follows are limited).</summary>
    public const int DefaultMaxFollows = 5_000;

    /// <summary>The default value for <see cref="MaxBlocks"/> and <see cref="MaxMutes"/> (ours).</summary>
    public const int DefaultMaxBlocksOrMutes = 10_000;

    /// <summary>The default value for <see cref="MaxMutedWords"/> (ours).</summary>
    public const int DefaultMaxMutedWords = 200;

    /// <summary>The default value for <see cref="MaxMutedWordLength"/> (ours).</summary>
    public const int DefaultMaxMutedWordLength = 100;

    /// <summary>The default value for <see cref="MaxContacts"/> (ours).</summary>
    public const int DefaultMaxContacts = 5_000;

    /// <summary>The default value for <see cref="MaxTopics"/> (ours).</summary>
    public const int DefaultMaxTopics = 100;

    /// <summary>The default value for <see cref="ImpressionCapacity"/>: home-mixer keeps 5,000 impressed ids per user (algorithm.md 1.3).</summary>
    public const int DefaultImpressionCapacity = 5_000;

    /// <summary>The default value for <see cref="ImpressionRetention"/>: 2 days (algorithm.md 1.3).</summary>
    public static readonly TimeSpan DefaultImpressionRetention = TimeSpan.FromDays(2);

    /// <summary>The default value for <see cref="FatigueRetention"/>: 90 days, pushservice's window for "see less often" (algorithm.md 7.5); home reads 14 days of it (1.4).</summary>
    public static readonly TimeSpan DefaultFatigueRetention = TimeSpan.FromDays(90);

    /// <summary>The default value for <see cref="MaxFatigueAuthors"/> (ours).</summary>
    public const int DefaultMaxFatigueAuthors = 500;

    /// <summary>The default value for <see cref="RecentEngagementCapacity"/> (ours).</summary>
    public const int DefaultRecentEngagementCapacity = 200;

    /// <summary>The default value for <see cref="RecentPostCapacity"/> (ours).</summary>
    public const int DefaultRecentPostCapacity = 200;

    /// <summary>The default value for <see cref="LoginCapacity"/> (ours).</summary>
    public const int DefaultLoginCapacity = 100;

    /// <summary>The default value for <see cref="MaxRemembered"/>: removed relations and reports kept (ours).</summary>
    public const int DefaultMaxRemembered = 1_000;

    public int MaxFollows { get; set; } = DefaultMaxFollows;

    public int MaxBlocks { get; set; } = DefaultMaxBlocksOrMutes;

    public int MaxMutes { get; set; } = DefaultMaxBlocksOrMutes;

    public int MaxMutedWords { get; set; } = DefaultMaxMutedWords;

    public int MaxMutedWordLength { get; set; } = DefaultMaxMutedWordLength;

    /// <summary>Uploaded address-book hashes kept.</summary>
    public int MaxContacts { get; set; } = DefaultMaxContacts;

    public int MaxTopics { get; set; } = DefaultMaxTopics;

    /// <summary>Impressed post ids kept (oldest dropped first).</summary>
    public int ImpressionCapacity { get; set; } = DefaultImpressionCapacity;

    /// <summary>How long an impression is remembered.</summary>
    public TimeSpan ImpressionRetention { get; set; } = DefaultImpressionRetention;

    /// <summary>How long "see less often" feedback on an author is remembered.</summary>
    public TimeSpan FatigueRetention { get; set; } = DefaultFatigueRetention;

    public int MaxFatigueAuthors { get; set; } = DefaultMaxFatigueAuthors;

    public int RecentEngagementCapacity { get; set; } = DefaultRecentEngagementCapacity;

    /// <summary>The author's own recent posts kept (what followers pull and inboxes are rebuilt from).</summary>
    public int RecentPostCapacity { get; set; } = DefaultRecentPostCapacity;

    public int LoginCapacity { get; set; } = DefaultLoginCapacity;

    /// <summary>Removed follows, blocks and mutes remembered with their time (so an older event cannot undo a newer change), and reports kept.</summary>
    public int MaxRemembered { get; set; } = DefaultMaxRemembered;
}
