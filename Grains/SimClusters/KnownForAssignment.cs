namespace Recsys.Grains.SimClusters;

/// <summary>
/// The KnownFor matrix: k communities with ids 1..<see cref="ClusterCount"/> and each clustered producer's single
/// membership. Producers left outside every community are absent. Feed it back as the previous assignment of the
/// next run.
/// </summary>
public sealed record KnownForAssignment(int ClusterCount, IReadOnlyDictionary<long, KnownForMembership> Producers)
{
    /// <summary>An assignment with no communities, for a first run.</summary>
    public static KnownForAssignment Empty { get; } = new(0, new Dictionary<long, KnownForMembership>());

    /// <summary>Producer → cluster id, the labelling that NMI compares.</summary>
    public IReadOnlyDictionary<long, int> Labels() => Producers.ToDictionary(p => p.Key, p => p.Value.Cluster);

    /// <summary>Members of every non-empty community, strongest first.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<long>> Members() =>
        Producers
            .GroupBy(p => p.Value.Cluster)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<long>)g.OrderByDescending(p => p.Value.Score).ThenBy(p => p.Key).Select(p => p.Key).ToArray());
}
