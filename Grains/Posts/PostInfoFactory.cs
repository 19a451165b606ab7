using Recsys.Grains.Interfaces.Posts;
using Recsys.Grains.Interfaces.Users;

namespace Recsys.Grains.Posts;

/// <summary>Turns a validated <see cref="PostRecord"/> into the facts a post keeps, and the inbox entry it fans out as.</summary>
public static class PostInfoFactory
{
    public static PostInfo Create(PostRecord post) => new(
        post.Id,
        post.AuthorId,
        post.Text,
        post.CreatedAt.ToUniversalTime(),
        post.Language,
        post.HasMedia,
        post.Links?.Count ?? 0,
        post.Hashtags?.Count ?? 0,
        post.Mentions?.Count ?? TextFeatures.CountMentions(post.Text),
        post.Hashtags is { Count: > 0 } tags ? tags.Select(t => t.TrimStart('#').ToLowerInvariant()).Distinct().ToArray() : [],
        post.ReplyToId,
        post.QuoteOfId,
        post.RepostOfId,
        post.Labels is { Count: > 0 } labels ? labels.Distinct().Order().ToArray() : []);

    public static InboxEntry ToInboxEntry(PostInfo info) =>
        new(info.Id, info.AuthorId, info.CreatedAt, info.IsReply, info.ReplyToId, info.RepostOfId, info.HasMedia);
}
