using Recsys.Grains.Import;
using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Interfaces.Posts;

namespace Recsys.Bench.Ingestion;

/// <summary>
/// The ingestion benchmark's data: users, one post per user, and a stream of engagements by random users on random
/// posts, with the action mix of a home timeline (impressions and clicks most, then likes, dwell, and the rarer
/// explicit actions), all within the last day. Deterministic for a seed.
/// </summary>
public static class BenchData
{
    private static readonly (EngagementAction Action, double Share)[] Mix =
    [
        (EngagementAction.Impression, 0.35), (EngagementAction.Click, 0.15), (EngagementAction.Like, 0.2), (EngagementAction.Dwell, 0.1),
        (EngagementAction.Repost, 0.05), (EngagementAction.Reply, 0.05), (EngagementAction.ProfileClick, 0.05), (EngagementAction.Share, 0.05),
    ];

    public static ImportPlan Entities(int users, DateTimeOffset now) => new(
        "bench",
        Enumerable.Range(1, users).Select(u => ImportProfiles.For(u, now.AddDays(-30))).ToArray(),
        Enumerable.Range(1, users).Select(p => new PostRecord(p, p, "a benchmark post of ordinary length, with a few words", now.AddDays(-2), "en")).ToArray(),
        [],
        [],
        TimeSpan.Zero,
        0);

    /// <summary>When set to 1, event ids are random (32 hex digits, as a client's UUIDs) instead of ordered "b{seed}-{i}".</summary>
    public const string RandomIdsVariable = "RECSYS_BENCH_RANDOM_IDS";

    /// <summary>Events by users 1..<paramref name="users"/> on posts 1..<paramref name="posts"/> (all of them when 0; post p's author is user p).</summary>
    public static EngagementEvent[] Events(int count, int users, DateTimeOffset now, int seed = 42, int posts = 0)
    {
        posts = posts > 0 ? posts : users;
        var random = new Random(seed);
        var randomIds = Environment.GetEnvironmentVariable(RandomIdsVariable) == "1";
        var events = new EngagementEvent[count];
        for (var i = 0; i < count; i++)
        {
            var action = Pick(random.NextDouble());
            var time = now.AddSeconds(-random.Next(1, 86_400));
            var id = randomIds ? Guid.NewGuid().ToString("N") : $"b{seed}-{i}";
            events[i] = new EngagementEvent(id, random.Next(1, users + 1), action, random.Next(1, posts + 1), null, time,
                action == EngagementAction.Dwell ? random.Next(500, 20_000) : null);
        }

        return events;
    }

    private static EngagementAction Pick(double x)
    {
        foreach (var (action, share) in Mix)
        {
            if ((x -= share) < 0)
            {
                return action;
            }
        }

        return Mix[^1].Action;
    }
}
