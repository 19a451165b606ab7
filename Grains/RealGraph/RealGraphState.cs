namespace Recsys.Grains.RealGraph;

/// <summary>A user's RealGraph: its interaction edges by destination user id (bounded by <see cref="RealGraphOptions.MaxEdges"/>).</summary>
public sealed class RealGraphState
{
    public Dictionary<long, InteractionEdge> Edges { get; set; } = [];
}
