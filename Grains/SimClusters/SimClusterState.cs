using Recsys.Grains.Interfaces.SimClusters;

namespace Recsys.Grains.SimClusters;

/// <summary>
/// A SimCluster grain's stored state: the KnownFor producers of the last model version (strongest first), and its
/// top posts as of <see cref="TopPostsAt"/> (written a little after changes, and on deactivation).
/// </summary>
public sealed class SimClusterState
{
    public int ModelVersion { get; set; }

    public DateTimeOffset? ComputedAt { get; set; }

    public List<KnownForProducer> KnownFor { get; set; } = [];

    public DateTimeOffset? TopPostsAt { get; set; }

    public List<ScoredPost> TopPosts { get; set; } = [];
}
