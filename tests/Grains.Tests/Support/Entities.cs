using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Interfaces.Posts;
using Recsys.Grains.Interfaces.Users;
using Recsys.Runtime;

namespace Recsys.Grains.Tests.Support;

/// <summary>Creates users, posts and engagements with unique ids for a test.</summary>
public sealed class Entities(IGrainFactory grains, DateTimeOffset now)
{
    public async Task<long> UserAsync(string? language = null)
    {
        var id = DomainSilo.UniqueId();
        await grains.GetGrain<IUserGrain>(id).Upsert(new UserProfile(id, "u" + (id % 1_000_000_000), language ?? "en", "US", now.AddDays(-100)));
        return id;
    }

    public async Task<long[]> UsersAsync(int count) => await Task.WhenAll(Enumerable.Range(0, count).Select(_ => UserAsync()));

    public async Task<long> PostAsync(long authorId, DateTimeOffset? createdAt = null, string text = "hello world", long? replyToId = null, bool hasMedia = false)
    {
        var id = DomainSilo.UniqueId();
        await grains.GetGrain<IPostGrain>(id).Create(new PostRecord(id, authorId, text, createdAt ?? now.AddMinutes(-5), "en", hasMedia, ReplyToId: replyToId));
        return id;
    }

    public static EngagementEvent Event(long userId, EngagementAction action, long? postId, DateTimeOffset time, long? targetUserId = null, string? id = null) =>
        new(id ?? Guid.NewGuid().ToString("N"), userId, action, postId, targetUserId, time);
}
