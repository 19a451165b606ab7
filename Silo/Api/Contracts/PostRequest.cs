using Recsys.Grains.Interfaces.Posts;

namespace Recsys.Silo.Api.Contracts;

/// <summary>POST /api/posts. id, authorId and text are required; createdAt defaults to now, language to "und".</summary>
public sealed record PostRequest(
    long? Id,
    long? AuthorId,
    string? Text,
    DateTimeOffset? CreatedAt,
    string? Language,
    bool? HasMedia,
    IReadOnlyList<string>? Links,
    IReadOnlyList<string>? Hashtags,
    IReadOnlyList<long>? Mentions,
    long? ReplyToId,
    long? QuoteOfId,
    long? RepostOfId,
    IReadOnlyList<PostLabel>? Labels)
{
    public IReadOnlyList<(string Field, string Problem)> Missing() =>
    [
        .. Id is null ? [("id", "is required")] : Array.Empty<(string, string)>(),
        .. AuthorId is null ? [("authorId", "is required")] : Array.Empty<(string, string)>(),
        .. Text is null ? [("text", "is required")] : Array.Empty<(string, string)>(),
    ];

    public PostRecord ToRecord(DateTimeOffset now) => new(
        Id!.Value, AuthorId!.Value, Text!, CreatedAt ?? now, Language ?? "und", HasMedia ?? false, Links, Hashtags, Mentions,
        ReplyToId, QuoteOfId, RepostOfId, Labels);
}
