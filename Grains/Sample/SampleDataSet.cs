using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Interfaces.Posts;
using Recsys.Grains.Interfaces.Users;

namespace Recsys.Grains.Sample;

/// <summary>
/// A generated world with its ground truth: each user's planted community and latent interests (a distribution over
/// communities) are kept, so later issues can measure whether recommendations recover them.
/// </summary>
public sealed record SampleDataSet(
    int Seed,
    DateTimeOffset Now,
    IReadOnlyList<SampleTopic> Communities,
    IReadOnlyList<SampleUser> Users,
    IReadOnlyList<SampleFollow> Follows,
    IReadOnlyList<SamplePost> Posts,
    IReadOnlyList<EngagementEvent> Engagements);

/// <summary>A user, with the community it was planted in and its latent interest in each community (sums to 1).</summary>
public sealed record SampleUser(UserProfile Profile, int Community, IReadOnlyList<float> Interests, double Popularity, double Activity);

public sealed record SampleFollow(long FollowerId, long FolloweeId);

/// <summary>A post, with the community (topic) it was written about.</summary>
public sealed record SamplePost(PostRecord Post, int Topic);
