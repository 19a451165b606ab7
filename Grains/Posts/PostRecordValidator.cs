using Recsys.Grains.Interfaces.Posts;
using Recsys.Grains.Validation;

namespace Recsys.Grains.Posts;

/// <summary>Checks a post's own fields (not whether its author and parents exist): every problem, by field.</summary>
public static class PostRecordValidator
{
    public static IReadOnlyList<(string Field, string Problem)> Validate(PostRecord post, PostOptions options, DateTimeOffset now, TimeSpan skew)
    {
        var problems = new List<(string, string)>();
        void Check(string field, string? problem)
        {
            if (problem is not null)
            {
                problems.Add((field, problem));
            }
        }

        Check("id", FieldRules.Id(post.Id));
        Check("authorId", FieldRules.Id(post.AuthorId));
        Check("text", post.Text is null ? "is required" : FieldRules.MaxLength(post.Text, options.MaxTextLength));
        Check("text", post.Text is { Length: 0 } && post.RepostOfId is null ? "must not be empty (only a repost may have no text)" : null);
        Check("createdAt", FieldRules.NotInFuture(post.CreatedAt, now, skew));
        Check("language", FieldRules.Language(post.Language));
        Check("links", FieldRules.MaxCount(post.Links, options.MaxLinks));
        Check("hashtags", FieldRules.MaxCount(post.Hashtags, options.MaxHashtags));
        Check("mentions", FieldRules.MaxCount(post.Mentions, options.MaxMentions));
        Check("mentions", post.Mentions?.Any(m => m <= 0) == true ? "must hold positive user ids" : null);
        foreach (var (field, parent) in new[] { ("replyToId", post.ReplyToId), ("quoteOfId", post.QuoteOfId), ("repostOfId", post.RepostOfId) })
        {
            Check(field, parent is { } id ? (id == post.Id ? "must not be the post itself" : FieldRules.Id(id)) : null);
        }

        return problems;
    }
}
