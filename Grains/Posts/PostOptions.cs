namespace Recsys.Grains.Posts;

/// <summary>Limits on what a post may carry.</summary>
public sealed class PostOptions
{
    /// <summary>The default value for <see cref="MaxTextLength"/>: 280, Twitter's limit since November 2017 (blog.twitter.com, "Tweeting made easier").</summary>
    public const int DefaultMaxTextLength = 280;

    /// <summary>The default value for <see cref="MaxLinks"/> (ours).</summary>
    public const int DefaultMaxLinks = 10;

    /// <summary>The default value for <see cref="MaxHashtags"/> (ours).</summary>
    public const int DefaultMaxHashtags = 30;

    /// <summary>The default value for <see cref="MaxMentions"/> (ours).</summary>
    public const int DefaultMaxMentions = 50;

    /// <summary>The longest text a post may have, in UTF-16 code units.</summary>
    public int MaxTextLength { get; set; } = DefaultMaxTextLength;

    public int MaxLinks { get; set; } = DefaultMaxLinks;

    public int MaxHashtags { get; set; } = DefaultMaxHashtags;

    public int MaxMentions { get; set; } = DefaultMaxMentions;
}
