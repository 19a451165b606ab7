namespace Recsys.Grains.Users;

/// <summary>A user's own side of the social graph and the lists it curates: follows, blocks, mutes, reports, words, topics, contacts.</summary>
public sealed class SocialGraph
{
    public RelationSet Follows { get; set; } = new();

    public RelationSet Blocks { get; set; } = new();

    public RelationSet Mutes { get; set; } = new();

    /// <summary>Users this user reported, and when (UTC ticks), bounded.</summary>
    public Dictionary<long, long> Reports { get; set; } = [];

    /// <summary>Lower-case, trimmed, distinct.</summary>
    public string[] MutedWords { get; set; } = [];

    public string[] FollowedTopics { get; set; } = [];

    /// <summary>Uploaded address-book hashes.</summary>
    public string[] Contacts { get; set; } = [];
}
