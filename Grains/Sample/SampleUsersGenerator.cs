using Recsys.Grains.Interfaces.Users;

namespace Recsys.Grains.Sample;

/// <summary>
/// Users planted in communities of unequal size (weights 1/(c+1)^0.6), each with latent interests (mostly its own
/// community, the rest spread over one or two others), a Pareto popularity and a log-normal activity.
/// </summary>
internal static class SampleUsersGenerator
{
    public static SampleUser[] Generate(SampleOptions options, IReadOnlyList<SampleTopic> communities, DateTimeOffset now, Random random)
    {
        var sizes = new WeightedSampler(Enumerable.Range(0, communities.Count).Select(c => 1 / Math.Pow(c + 1, 0.6)).ToArray());
        var clients = Enum.GetValues<ClientPlatform>().Where(c => c != ClientPlatform.Unknown).ToArray();
        var users = new SampleUser[options.Users];
        for (var i = 0; i < users.Length; i++)
        {
            var id = i + 1L;
            var community = sizes.Sample(random);
            var topic = communities[community];
            var signup = random.Chance(0.05) ? now - TimeSpan.FromDays(10 * random.NextDouble()) : now - TimeSpan.FromDays(30 + 1_500 * random.NextDouble());
            var profile = new UserProfile(id, $"{topic.Name[..Math.Min(6, topic.Name.Length)]}{id}", topic.Language, topic.Country,
                TruncateToSeconds(signup), Client: clients[random.Next(clients.Length)], HasDevice: random.Chance(0.9));
            users[i] = new SampleUser(profile, community, Interests(community, communities.Count, random),
                random.Pareto(options.PopularityExponent), random.LogNormal(0.7));
        }

        // The most popular 1% are verified.
        var verifiedAbove = users.Select(u => u.Popularity).OrderDescending().ElementAt(Math.Max(0, users.Length / 100 - 1));
        return users.Select(u => u.Popularity >= verifiedAbove && users.Length >= 100 ? u with { Profile = u.Profile with { Verified = true } } : u).ToArray();
    }

    internal static DateTimeOffset TruncateToSeconds(DateTimeOffset time) => new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    private static float[] Interests(int community, int count, Random random)
    {
        var interests = new double[count];
        interests[community] = 0.55 + 0.35 * random.NextDouble();
        var others = count == 1 ? 0 : 1 + random.Next(2);
        for (var k = 0; k < others; k++)
        {
            var other = random.Next(count - 1);
            interests[other >= community ? other + 1 : other] += random.NextDouble();
        }

        var rest = 1 - interests[community];
        var otherSum = interests.Sum() - interests[community];
        return interests.Select((v, c) => (float)(c == community ? v : otherSum > 0 ? rest * v / otherSum : 0)).ToArray();
    }
}
