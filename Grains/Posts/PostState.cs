using Recsys.Grains.Aggregates;
using Recsys.Grains.Ingestion;
using Recsys.Grains.Interfaces.Posts;
using Recsys.Grains.SimClusters;

namespace Recsys.Grains.Posts;

/// <summary>A post's stored state: its facts (null until created), the engagements it received, its log cursor, its SimClusters embedding.</summary>
public sealed class PostState
{
    public PostInfo? Info { get; set; }

    public RollingAggregate Engagements { get; set; } = new();

    public ReplayCursor Cursor { get; set; } = new();

    /// <summary>The SimClusters embedding grown from likes; null until the first counted like.</summary>
    public PostEmbedding? Embedding { get; set; }
}
