namespace Recsys.Grains.Interfaces.Posts;

/// <summary>
/// A post as a client creates it (POST /api/posts). <see cref="Links"/>, <see cref="Hashtags"/> and
/// <see cref="Mentions"/> (user ids) are given at ingest; health <see cref="Labels"/> too.
/// </summary>
public sealed record PostRecord(
    long Id,
    long AuthorId,
    string Text,
    DateTimeOffset CreatedAt,
    string Language,
    bool HasMedia = false,
    IReadOnlyList<string>? Links = null,
    IReadOnlyList<string>? Hashtags = null,
    IReadOnlyList<long>? Mentions = null,
    long? ReplyToId = null,
    long? QuoteOfId = null,
    long? RepostOfId = null,
    IReadOnlyList<PostLabel>? Labels = null);

/// <summary>Health labels a post may carry from ingest; visibility filtering reads them.</summary>
public enum PostLabel
{
    Nsfw,
    Toxicity,
    Misinformation,
}
