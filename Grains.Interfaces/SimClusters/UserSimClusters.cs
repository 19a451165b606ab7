namespace Recsys.Grains.Interfaces.SimClusters;

/// <summary>
/// What the SimClusters job computed for one user (stored in its User grain): the community it is known for, if it
/// is a clustered producer; its InterestedIn vector (top 50 communities of whom it follows and likes, L2-normalised);
/// and, for producers with enough followers, its producer embedding (cosines with each community's InterestedIn).
/// Vectors are ordered by score, highest first.
/// </summary>
public sealed record UserSimClusters(
    int ModelVersion,
    DateTimeOffset ComputedAt,
    CommunityScore? KnownFor,
    IReadOnlyList<CommunityScore> InterestedIn,
    IReadOnlyList<CommunityScore> ProducerEmbedding);

/// <summary>
/// A user's input to the SimClusters job: whom it follows, and the authors whose posts it liked with a decayed like
/// count (the longest half-life of the user-author aggregates, 50 days; the published fav graph uses 100 days).
/// </summary>
public sealed record UserSimClustersInput(long UserId, IReadOnlyList<long> Follows, IReadOnlyList<LikedProducer> Likes);

/// <summary>An author a user liked, with the decayed like count.</summary>
public readonly record struct LikedProducer(long ProducerId, float Score);
