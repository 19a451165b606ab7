using Recsys.Grains.Aggregates;
using Recsys.Grains.Ingestion;
using Recsys.Grains.Interfaces.Posts;

namespace Recsys.Grains.Posts;

/// <summary>A post's stored state: its facts (null until created), the engagements it received, and its log cursor.</summary>
public sealed class PostState
{
    public PostInfo? Info { get; set; }

    public RollingAggregate Engagements { get; set; } = new();

    public ReplayCursor Cursor { get; set; } = new();
}
