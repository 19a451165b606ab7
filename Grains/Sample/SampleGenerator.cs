namespace Recsys.Grains.Sample;

/// <summary>
/// A deterministic sample world of any size: the same options and the same "now" give the same data. Users are
/// planted in communities with latent interests; a power-law follow graph, posts and engagements are drawn from
/// them; every time is relative to <c>now</c> (from the injected TimeProvider).
/// </summary>
public static class SampleGenerator
{
    public static SampleDataSet Generate(SampleOptions options, DateTimeOffset now)
    {
        var communities = SampleTopics.All.Take(options.Communities).ToArray();
        now = SampleUsersGenerator.TruncateToSeconds(now);

        // One stream per stage, so a change in one stage does not reshuffle the others.
        var users = SampleUsersGenerator.Generate(options, communities, now, new Random(options.Seed));
        var follows = SampleFollowsGenerator.Generate(options, users, communities.Length, new Random(options.Seed + 1));
        var posts = SamplePostsGenerator.Generate(options, users, communities, now, new Random(options.Seed + 2));
        var parts = new SampleDataParts(users, users.ToDictionary(u => u.Profile.Id), follows, posts, communities.Length);
        var engagements = SampleEngagementsGenerator.Generate(options, parts, now, new Random(options.Seed + 3));
        return new SampleDataSet(options.Seed, now, communities, users, follows, posts, engagements);
    }
}
