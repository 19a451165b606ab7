using System.Text.Json.Serialization;

namespace Recsys.Grains.RealGraph;

/// <summary>A user's RealGraph: its interaction edges by destination user id (bounded by <see cref="RealGraphOptions.MaxEdges"/>).</summary>
public sealed class RealGraphState
{
    public Dictionary<long, InteractionEdge> Edges { get; set; } = [];

    /// <summary>The edge toward <paramref name="destination"/>, or null when there is none (an edge is a value: a missing one is not null by itself).</summary>
    public InteractionEdge? Find(long destination) => Edges.TryGetValue(destination, out var edge) ? edge : null;

    /// <summary>Counts the changes made through <see cref="InteractionRecorder"/> (in memory only): what was read of the
    /// edges is still current while it has not moved.</summary>
    [JsonIgnore]
    public int Version { get; private set; }

    internal void MarkChanged() => Version++;
}
