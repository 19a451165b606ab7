using System.Text.Json.Serialization;

namespace Recsys.Grains.Interfaces.Posts;

/// <summary>
/// A post's immutable facts as candidates are hydrated with them: author, time, text and its features (length,
/// link, hashtag and mention counts), language, parents, health labels.
/// </summary>
public sealed record PostInfo(
    long Id,
    long AuthorId,
    string Text,
    DateTimeOffset CreatedAt,
    string Language,
    bool HasMedia,
    int LinkCount,
    int HashtagCount,
    int MentionCount,
    IReadOnlyList<string> Hashtags,
    long? ReplyToId,
    long? QuoteOfId,
    long? RepostOfId,
    IReadOnlyList<PostLabel> Labels)
{
    /// <summary>Derived from <see cref="ReplyToId"/>; not serialized (grain state stays smaller).</summary>
    [JsonIgnore]
    public bool IsReply => ReplyToId is not null;
}
