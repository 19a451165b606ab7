using Recsys.Grains.Fanout;
using Recsys.Grains.Interfaces.Reputation;
using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Reputation;
using Recsys.Grains.Reputation.Cluster;
using Recsys.Runtime;

namespace Recsys.Grains.Tests.Reputation;

/// <summary>
/// A seeded follow graph with the facts tweepcred reads (verified, suspended, restricted, devices, account ages from
/// new to old, one follow-spammer above 500 followings), loadable into User grains or a snapshot store, and the
/// pure <see cref="TweepcredCalculator"/> result the cluster job must reproduce.
/// </summary>
internal sealed class TweepcredTestGraph
{
    private TweepcredTestGraph(UserProfile[] users, long[][] follows, float[][] weights)
    {
        Users = users;
        Follows = follows;
        Weights = weights;
    }

    public UserProfile[] Users { get; }

    /// <summary>Follows per user (index as in <see cref="Users"/>): distinct, no self-follows.</summary>
    public long[][] Follows { get; }

    /// <summary>Weights matching <see cref="Follows"/> (1..9), for snapshot runs.</summary>
    public float[][] Weights { get; }

    public static TweepcredTestGraph Generate(int users, int seed, DateTimeOffset now)
    {
        var random = new Random(seed);

        // Ids scattered over the user-index shards (so over the partitions), not dense.
        var ids = Enumerable.Range(0, users).Select(i => 10_000 + (i * 7_919L) + random.Next(7_000)).Distinct().ToArray();
        var profiles = ids.Select(id => new UserProfile(id, "u" + id, "en", "US", now.AddDays(-random.Next(0, 400)).AddMinutes(-random.Next(1440)),
            Verified: random.NextDouble() < 0.05, Suspended: random.NextDouble() < 0.03, Restricted: random.NextDouble() < 0.05,
            HasDevice: random.NextDouble() < 0.7)).ToArray();
        var follows = new long[ids.Length][];
        var weights = new float[ids.Length][];
        for (var i = 0; i < ids.Length; i++)
        {
            // Followings skewed low; targets skewed to a few popular users; the last tenth follow nobody (dangling).
            var count = i >= ids.Length - (ids.Length / 10) ? 0 : i == 0 ? Math.Min(600, ids.Length - 1) : 1 + (int)(40 * Math.Pow(random.NextDouble(), 3));
            var chosen = new HashSet<long>();
            while (chosen.Count < count)
            {
                var target = ids[(int)(ids.Length * Math.Pow(random.NextDouble(), i == 0 ? 1 : 2.5))];
                if (target != ids[i])
                {
                    chosen.Add(target);
                }
            }

            follows[i] = chosen.ToArray();
            weights[i] = follows[i].Select(_ => (float)(1 + random.Next(9))).ToArray();
        }

        return new TweepcredTestGraph(profiles, follows, weights);
    }

    /// <summary>Upserts every user, then imports the follows, through the grains' own methods.</summary>
    public async Task LoadAsync(IGrainFactory grains)
    {
        await BoundedParallel.ForEachAsync(Users, 64, u => grains.GetGrain<IUserGrain>(u.Id).Upsert(u));
        var indices = Enumerable.Range(0, Users.Length).Where(i => Follows[i].Length > 0).ToArray();
        await BoundedParallel.ForEachAsync(indices, 64, i => grains.GetGrain<IUserGrain>(Users[i].Id).ImportFollows(Follows[i]));
    }

    /// <summary>The graph as a snapshot store; with <paramref name="noise"/>, also duplicate follows, self-follows and follows of unknown ids.</summary>
    public TweepcredSnapshotStore Snapshot(bool noise)
    {
        var users = Users.Select(u => new TweepcredUser(u.Id, u.SignupTime, u.Verified, u.HasDevice, u.Suspended, u.Restricted, null)).ToArray();
        var offsets = new List<int> { 0 };
        var follows = new List<long>();
        var weights = new List<float>();
        for (var i = 0; i < Users.Length; i++)
        {
            for (var k = 0; k < Follows[i].Length; k++)
            {
                follows.Add(Follows[i][k]);
                weights.Add(Weights[i][k]);
                if (noise && k % 3 == 0)
                {
                    follows.Add(Follows[i][k]); // a duplicate: the larger weight counts
                    weights.Add(Weights[i][k] / 2);
                }
            }

            if (noise && i % 5 == 0)
            {
                follows.AddRange([Users[i].Id, -1 - i]); // a self-follow and an unknown user: both dropped
                weights.AddRange([3f, 4f]);
            }

            offsets.Add(follows.Count);
        }

        return new TweepcredSnapshotStore(users, offsets.ToArray(), follows.ToArray(), weights.ToArray());
    }

    /// <summary>What the pure function computes for this graph as of <paramref name="asOf"/>.</summary>
    public TweepcredResult Expected(DateTimeOffset asOf, TweepcredOptions options, IReadOnlyDictionary<long, double>? previous = null)
    {
        var order = Enumerable.Range(0, Users.Length).OrderBy(i => Users[i].Id).ToArray();
        var followers = new Dictionary<long, long>();
        foreach (var target in Follows.SelectMany(f => f))
        {
            followers[target] = followers.GetValueOrDefault(target) + 1;
        }

        var facts = order.Select(i => new UserFacts(Users[i].Id, (int)Math.Floor((asOf - Users[i].SignupTime).TotalDays), Users[i].Verified,
            Users[i].HasDevice, Users[i].Suspended, Users[i].Restricted, Follows[i].Length, followers.GetValueOrDefault(Users[i].Id))).ToArray();
        var edges = order.SelectMany(i => Follows[i].Select((t, k) => new Grains.Reputation.FollowEdge(Users[i].Id, t, Weights[i][k])));
        return TweepcredCalculator.Compute(facts, edges, options, previous);
    }

    /// <summary>
    /// Asserts that every user's stored score equals the expected one: ranks within 1e-9 (absolute and relative),
    /// tweepcred exactly. Returns the largest absolute rank difference.
    /// </summary>
    public static double AssertMatches(TweepcredResult expected, IReadOnlyDictionary<long, UserReputation?> actual)
    {
        Assert.Equal(expected.Users.Count, actual.Count);
        var largest = 0.0;
        foreach (var user in expected.Users)
        {
            var score = actual[user.UserId] ?? throw new Xunit.Sdk.XunitException($"user {user.UserId} has no score");
            AssertClose(user.PageRank, score.PageRank, user.UserId);
            AssertClose(user.AdjustedRank, score.AdjustedRank, user.UserId);
            Assert.True(user.Tweepcred == score.Tweepcred, $"user {user.UserId}: tweepcred {score.Tweepcred}, expected {user.Tweepcred}");
            largest = Math.Max(largest, Math.Max(Math.Abs(user.PageRank - score.PageRank), Math.Abs(user.AdjustedRank - score.AdjustedRank)));
        }

        return largest;
    }

    private static void AssertClose(double expected, double actual, long user) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-9 && Math.Abs(expected - actual) <= 1e-9 * expected,
            $"user {user}: {actual:R}, expected {expected:R} (difference {Math.Abs(expected - actual):E2})");
}
