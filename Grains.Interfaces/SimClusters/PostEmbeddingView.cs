namespace Recsys.Grains.Interfaces.SimClusters;

/// <summary>
/// A post's SimClusters embedding as it grew from likes (each like adds the liker's InterestedIn, 8 h half-life),
/// valued at <see cref="AsOf"/>, highest score first.
/// </summary>
public sealed record PostEmbeddingView(long PostId, int Likes, DateTimeOffset AsOf, IReadOnlyList<CommunityScore> Communities);
