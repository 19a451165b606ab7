using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Interfaces.Posts;

namespace Recsys.Grains.Import;

/// <summary>
/// Turns the Higgs activity log into users, follows, posts and engagements. The log has interactions only, so:
/// <list type="bullet">
/// <item>users: every id seen, as either side (<see cref="ImportProfiles"/>);</item>
/// <item>follows: A follows B from A's first interaction with B (the data README's rule: an interaction before T
/// implies a follow), logged as a "follow" event at that time;</item>
/// <item>posts: a retweet or reply of B needs a post by B; all of B's retweeted or replied-to activity within one
/// hour of the file is taken as one post, created at the first such interaction (id
/// <see cref="PostIdBase"/> + B·10⁶ + the hour's index in the file, so a re-import finds the same posts);</item>
/// <item>engagements: RT is a repost of that post, RE a reply to it, MT a mention of B (no post).</item>
/// </list>
/// Self-interactions create their user and nothing else; follows beyond a user's first 5,000 are dropped (<see cref="FollowCap"/>). Event ids come from the line's content, so importing twice counts nothing twice.
/// </summary>
public static class HiggsPlanner
{
    /// <summary>Derived post ids start here, far above ordinary ids.</summary>
    public const long PostIdBase = 1_000_000_000_000;

    /// <summary>Hour slots per author in the derived post ids (over a century of hours).</summary>
    public const long HoursPerAuthor = 1_000_000;

    public static ImportPlan Plan(IReadOnlyList<HiggsInteraction> log, DateTimeOffset now, bool shiftToNow, string source)
    {
        var time = ImportTime.For(log.Count == 0 ? null : log.Max(i => i.UnixTime), now, shiftToNow);
        var firstHour = log.Count == 0 ? 0 : log.Min(i => i.UnixTime) / 3600;
        var firstSeen = new Dictionary<long, long>();
        var follows = new Dictionary<(long A, long B), long>();
        var posts = new Dictionary<long, (long Author, long Time)>();
        var engagements = new List<EngagementEvent>(log.Count);
        var skipped = 0;
        foreach (var i in log)
        {
            Earliest(firstSeen, i.UserA, i.UnixTime);
            Earliest(firstSeen, i.UserB, i.UnixTime);
            if (i.UserA == i.UserB)
            {
                skipped++; // the user exists, but following or engaging with oneself means nothing here
                continue;
            }

            Earliest(follows, (i.UserA, i.UserB), i.UnixTime);
            long? postId = null;
            if (i.Kind != HiggsKind.Mention)
            {
                postId = PostId(i.UserB, i.UnixTime / 3600 - firstHour);
                posts[postId.Value] = posts.TryGetValue(postId.Value, out var p) ? (p.Author, Math.Min(p.Time, i.UnixTime)) : (i.UserB, i.UnixTime);
            }

            var (action, tag) = i.Kind switch
            {
                HiggsKind.Retweet => (EngagementAction.Repost, "rt"),
                HiggsKind.Reply => (EngagementAction.Reply, "re"),
                _ => (EngagementAction.Mention, "mt"),
            };
            engagements.Add(new EngagementEvent($"higgs:{i.UserA}:{i.UserB}:{i.UnixTime}:{tag}", i.UserA, action, postId,
                postId is null ? i.UserB : null, time.At(i.UnixTime)));
        }

        var (kept, dropped) = FollowCap.Apply(follows.OrderBy(f => f.Value).ThenBy(f => f.Key.A).ThenBy(f => f.Key.B).Select(f => new EngagementEvent(
            $"higgs:f:{f.Key.A}:{f.Key.B}", f.Key.A, EngagementAction.Follow, null, f.Key.B, time.At(f.Value))));
        return new ImportPlan(
            source,
            firstSeen.OrderBy(u => u.Key).Select(u => ImportProfiles.For(u.Key, time.At(u.Value))).ToArray(),
            posts.OrderBy(p => p.Value.Time).ThenBy(p => p.Key).Select(p => new PostRecord(p.Key, p.Value.Author,
                "Reconstructed from the Higgs activity log", time.At(p.Value.Time), "en")).ToArray(),
            kept,
            engagements.OrderBy(e => e.Time).ToArray(),
            time.Shift,
            skipped + dropped);
    }

    private static long PostId(long author, long hour) =>
        author <= (long.MaxValue - PostIdBase) / HoursPerAuthor - 1 && hour < HoursPerAuthor
            ? PostIdBase + author * HoursPerAuthor + hour
            : throw new ImportFormatException($"user {author} or hour {hour} is too large for a derived post id");

    private static void Earliest<TKey>(Dictionary<TKey, long> map, TKey key, long time)
        where TKey : notnull =>
        map[key] = map.TryGetValue(key, out var seen) ? Math.Min(seen, time) : time;
}
