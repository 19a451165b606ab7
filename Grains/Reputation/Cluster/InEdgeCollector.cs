using System.Runtime.CompilerServices;

namespace Recsys.Grains.Reputation.Cluster;

/// <summary>
/// The receiving side of the edge exchange: keeps the edges into this partition's users, per sending partition in
/// the order sent, and refuses those whose target it does not know (the source then leaves them out of its
/// out-degree, as <see cref="TweepcredCalculator"/> drops edges to unknown users). Each sender's sources arrive in
/// ascending order, so numbering its distinct sources as they come gives the same list the sender builds with
/// <see cref="OutEdgeBuckets.SendList"/>: its shares arrive in that order every superstep.
/// </summary>
internal sealed class InEdgeCollector
{
    private readonly int _self;
    private readonly LongIndexMap _indexById;
    private readonly bool _weighted;
    private readonly From?[] _from;

    public InEdgeCollector(int self, int partitions, LongIndexMap indexById, bool weighted)
    {
        _self = self;
        _indexById = indexById;
        _weighted = weighted;
        _from = new From?[partitions];
    }

    /// <summary>
    /// Adds one chunk of the <paramref name="total"/> edges a sender has for this partition; returns the positions
    /// refused (target unknown). Chunks of one sender must come in order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int[] Accept(int from, int sequence, int total, ReadOnlySpan<int> sources, ReadOnlySpan<long> targets, ReadOnlySpan<float> weights)
    {
        var sender = _from[from] ??= new From(total, _weighted);
        if (sequence != sender.NextSequence || total != sender.Targets.Length || sender.Count + targets.Length > total)
        {
            throw new InvalidOperationException($"edge chunk {sequence} of {total} edges from partition {from} does not follow chunk {sender.NextSequence - 1} of {sender.Targets.Length}.");
        }

        sender.NextSequence++;
        List<int>? rejected = null;
        var local = from == _self;
        var count = sender.Count;
        for (var k = 0; k < targets.Length; k++)
        {
            if (!_indexById.TryGetValue(targets[k], out var target))
            {
                (rejected ??= []).Add(k);
                continue;
            }

            int column;
            if (local)
            {
                column = sources[k]; // a local source reads its share from the local block
            }
            else
            {
                if (sources[k] != sender.LastSource)
                {
                    sender.LastSource = sources[k];
                    sender.Mirrors++;
                }

                column = sender.Mirrors - 1;
            }

            sender.Targets[count] = target;
            sender.Columns[count] = column;
            if (sender.Weights is not null)
            {
                sender.Weights[count] = weights.IsEmpty ? 1f : weights[k];
            }

            count++;
        }

        sender.Count = count;
        return rejected?.ToArray() ?? [];
    }

    /// <summary>
    /// The in-edge rows of this partition's <paramref name="userCount"/> users: each row lists senders in partition
    /// order, each sender's edges in the order sent, so the summation order does not depend on message timing.
    /// Columns index a share vector laid out as [local users | mirrored sources of partition 0 | of partition 1 | ...].
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public InEdges Build(int userCount)
    {
        var mirrorBase = new int[_from.Length];
        var mirrors = new int[_from.Length];
        var columns = userCount;
        for (var p = 0; p < _from.Length; p++)
        {
            mirrors[p] = p == _self ? 0 : _from[p]?.Mirrors ?? 0;
            mirrorBase[p] = p == _self ? 0 : columns;
            columns += mirrors[p];
        }

        var offsets = new int[userCount + 1];
        foreach (var sender in _from)
        {
            for (var k = 0; k < (sender?.Count ?? 0); k++)
            {
                offsets[sender!.Targets[k] + 1]++;
            }
        }

        for (var i = 0; i < userCount; i++)
        {
            offsets[i + 1] += offsets[i];
        }

        var edges = offsets[userCount];
        var inColumns = new int[edges];
        var inWeights = _weighted ? new float[edges] : null;
        var cursor = offsets.AsSpan(0, userCount).ToArray();
        for (var p = 0; p < _from.Length; p++)
        {
            if (_from[p] is not { } sender)
            {
                continue;
            }

            var shift = mirrorBase[p];
            for (var k = 0; k < sender.Count; k++)
            {
                var at = cursor[sender.Targets[k]]++;
                inColumns[at] = shift + sender.Columns[k];
                if (inWeights is not null)
                {
                    inWeights[at] = sender.Weights![k];
                }
            }

            _from[p] = null; // free as we go
        }

        return new InEdges(offsets, inColumns, inWeights, mirrorBase, mirrors, columns);
    }

    private sealed class From(int total, bool weighted)
    {
        public int NextSequence { get; set; }

        public int LastSource { get; set; } = -1;

        public int Mirrors { get; set; }

        public int Count { get; set; }

        public int[] Targets { get; } = new int[total];

        public int[] Columns { get; } = new int[total];

        public float[]? Weights { get; } = weighted ? new float[total] : null;
    }
}

/// <summary>A partition's in-edge rows over its share-vector columns, and where each sender's mirrored shares go.</summary>
internal sealed record InEdges(int[] Offsets, int[] Columns, float[]? Weights, int[] MirrorBase, int[] MirrorCount, int ColumnCount);
