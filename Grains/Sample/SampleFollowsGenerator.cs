namespace Recsys.Grains.Sample;

/// <summary>
/// A follow graph with planted communities and a power-law in-degree: each user follows a log-normal number of
/// accounts, mostly inside its community, the rest in communities it is interested in; targets are drawn in
/// proportion to their Pareto popularity (preferential attachment), so a few accounts gather most followers.
/// </summary>
internal static class SampleFollowsGenerator
{
    public static SampleFollow[] Generate(SampleOptions options, IReadOnlyList<SampleUser> users, int communities, Random random)
    {
        var members = Enumerable.Range(0, communities).Select(c => users.Where(u => u.Community == c).ToArray()).ToArray();
        var byCommunity = members.Select(m => new WeightedSampler(m.Select(u => u.Popularity).ToArray())).ToArray();
        var follows = new List<SampleFollow>();
        foreach (var user in users)
        {
            var wanted = Math.Clamp((int)Math.Round(options.AverageFollows * random.LogNormal(0.6) * 0.8), 1, Math.Min(users.Count - 1, 5_000));
            var interests = new WeightedSampler(user.Interests.Select(v => (double)v).ToArray());
            var targets = new HashSet<long>();
            for (var attempt = 0; attempt < wanted * 4 && targets.Count < wanted; attempt++)
            {
                var community = random.Chance(options.FollowInsideCommunity) ? user.Community : interests.Sample(random);
                if (byCommunity[community].IsEmpty)
                {
                    continue;
                }

                var target = members[community][byCommunity[community].Sample(random)].Profile.Id;
                if (target != user.Profile.Id && targets.Add(target))
                {
                    follows.Add(new SampleFollow(user.Profile.Id, target));
                }
            }
        }

        return follows.ToArray();
    }
}
