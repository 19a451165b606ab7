namespace Recsys.Grains.Sample;

/// <summary>The shape of the generated sample data set (all ours: a small, quick, recognisable world).</summary>
public sealed class SampleOptions
{
    /// <summary>The default value for <see cref="Users"/>: small enough to load in seconds.</summary>
    public const int DefaultUsers = 2_000;

    /// <summary>The default value for <see cref="Seed"/>.</summary>
    public const int DefaultSeed = 42;

    public int Users { get; set; } = DefaultUsers;

    public int Seed { get; set; } = DefaultSeed;

    /// <summary>Planted communities (at most the number of <see cref="SampleTopics"/>).</summary>
    public int Communities { get; set; } = 12;

    public double AverageFollows { get; set; } = 25;

    /// <summary>Share of follows inside the user's own community.</summary>
    public double FollowInsideCommunity { get; set; } = 0.8;

    /// <summary>Pareto exponent of popularity: lower is a heavier tail of very followed accounts.</summary>
    public double PopularityExponent { get; set; } = 1.0;

    public double AveragePostsPerUser { get; set; } = 5;

    /// <summary>Posts each user views on average; engagements follow views.</summary>
    public double AverageViewsPerUser { get; set; } = 30;

    /// <summary>How far back posts and engagements go.</summary>
    public TimeSpan History { get; set; } = TimeSpan.FromDays(3);

    /// <summary>
    /// Jobs run as part of loading a fresh sample, once users and follows are in and before posts and engagements
    /// (ours: reputation and communities, so the first For You page has every source and author signal without waiting
    /// for the daily and weekly schedules, and likes grow post embeddings in the communities as they arrive). Names
    /// not registered on the silo are skipped.
    /// </summary>
    public IList<string> JobsAfterLoad { get; set; } = ["tweepcred", "simclusters"];
}
