using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Recsys.Grains.Interfaces.Users;

namespace Recsys.Grains.Reputation.Cluster;

/// <summary>
/// The sending side of the edge exchange: a partition's follow edges grouped by the partition that owns the
/// target, in (source, target) order, cut into bounded chunks. The owners say which targets they do not know; what
/// is left fixes each source's out-degree (its rank divisor) and, per destination, the sources whose shares that
/// destination needs every superstep (its send list).
/// </summary>
internal sealed class OutEdgeBuckets
{
    private readonly PartitionUsers _users;
    private readonly int[][] _sources;
    private readonly int[][] _edges;
    private readonly bool[] _rejected;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public OutEdgeBuckets(PartitionUsers users, int partitions)
    {
        _users = users;
        var owners = PartitionOwnership.OwnerTable(partitions);
        var targets = users.OutTargets;
        var counts = new int[partitions];
        foreach (var target in targets)
        {
            counts[owners[UserIndex.ShardOf(target)]]++;
        }

        _sources = new int[partitions][];
        _edges = new int[partitions][];
        for (var q = 0; q < partitions; q++)
        {
            _sources[q] = new int[counts[q]];
            _edges[q] = new int[counts[q]];
        }

        Array.Clear(counts);
        var offsets = users.OutOffsets;
        for (var source = 0; source < users.Count; source++)
        {
            for (var e = offsets[source]; e < offsets[source + 1]; e++)
            {
                var q = owners[UserIndex.ShardOf(targets[e])];
                var at = counts[q]++;
                _sources[q][at] = source;
                _edges[q][at] = e;
            }
        }

        _rejected = new bool[users.EdgeCount];
    }

    public int Partitions => _sources.Length;

    public int Count(int destination) => _sources[destination].Length;

    /// <summary>The sources (local indices) of the edges to one destination, in send order.</summary>
    public ReadOnlySpan<int> Sources(int destination, int start, int count) => _sources[destination].AsSpan(start, count);

    /// <summary>Fills the targets (user ids) and, when weighted, weights of edges [start, start + targets.Length) to one destination.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Fill(int destination, int start, Span<long> targets, Span<float> weights)
    {
        var edges = _edges[destination].AsSpan(start, targets.Length);
        var all = _users.OutTargets;
        var allWeights = _users.OutWeights;
        for (var k = 0; k < edges.Length; k++)
        {
            targets[k] = all[edges[k]];
            if (allWeights is not null)
            {
                weights[k] = allWeights[edges[k]];
            }
        }
    }

    /// <summary>A chunk packed for a message: sources, targets and (weighted) weights as little-endian bytes.</summary>
    public (byte[] Sources, byte[] Targets, byte[]? Weights) Pack(int destination, int start, int count)
    {
        var sources = PackedArray.Pack(Sources(destination, start, count));
        var targets = new byte[count * sizeof(long)];
        var weights = _users.OutWeights is null ? null : new byte[count * sizeof(float)];
        Fill(destination, start, MemoryMarshal.Cast<byte, long>(targets.AsSpan()), weights is null ? default : MemoryMarshal.Cast<byte, float>(weights.AsSpan()));
        return (sources, targets, weights);
    }

    /// <summary>Records the positions the destination refused in the chunk that started at <paramref name="start"/>.</summary>
    public void Reject(int destination, int start, ReadOnlySpan<int> positions)
    {
        foreach (var position in positions)
        {
            _rejected[_edges[destination][start + position]] = true;
        }
    }

    /// <summary>Each source's kept out-degree and out-weight total (summed in double, in target order).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public (int[] Degrees, double[] WeightTotals, long Kept) OutTotals()
    {
        var degrees = new int[_users.Count];
        var totals = new double[_users.Count];
        var weights = _users.OutWeights;
        var offsets = _users.OutOffsets;
        long kept = 0;
        for (var source = 0; source < degrees.Length; source++)
        {
            double total = 0;
            var degree = 0;
            for (var e = offsets[source]; e < offsets[source + 1]; e++)
            {
                if (!_rejected[e])
                {
                    degree++;
                    total += weights is null ? 1.0 : weights[e];
                }
            }

            degrees[source] = degree;
            totals[source] = total;
            kept += degree;
        }

        return (degrees, totals, kept);
    }

    /// <summary>The distinct sources with a kept edge to <paramref name="destination"/>, ascending: the shares it needs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int[] SendList(int destination)
    {
        var list = new List<int>();
        var sources = _sources[destination];
        var edges = _edges[destination];
        for (var k = 0; k < sources.Length; k++)
        {
            if (!_rejected[edges[k]] && (list.Count == 0 || list[^1] != sources[k]))
            {
                list.Add(sources[k]);
            }
        }

        return list.ToArray();
    }
}
