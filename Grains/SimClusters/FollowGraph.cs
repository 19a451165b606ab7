namespace Recsys.Grains.SimClusters;

/// <summary>
/// An immutable bipartite follow graph in compressed-row form, both ways. Consumers and producers get dense indices
/// in ascending id order, so results never depend on the order edges arrived in; duplicate edges count once.
/// </summary>
public sealed class FollowGraph
{
    private readonly long[] _consumerIds;
    private readonly long[] _producerIds;
    private readonly Dictionary<long, int> _producerIndex;
    private readonly int[] _followingOffsets;
    private readonly int[] _followings;
    private readonly int[] _followerOffsets;
    private readonly int[] _followers;

    private FollowGraph(long[] consumerIds, long[] producerIds, int[] followingOffsets, int[] followings)
    {
        _consumerIds = consumerIds;
        _producerIds = producerIds;
        _producerIndex = IndexOf(producerIds);
        _followingOffsets = followingOffsets;
        _followings = followings;

        // Transpose by counting sort; walking consumers in order leaves every follower row ascending.
        _followerOffsets = new int[producerIds.Length + 1];
        foreach (var producer in followings)
        {
            _followerOffsets[producer + 1]++;
        }

        for (var p = 0; p < producerIds.Length; p++)
        {
            _followerOffsets[p + 1] += _followerOffsets[p];
        }

        _followers = new int[followings.Length];
        var next = _followerOffsets[..^1];
        for (var c = 0; c < consumerIds.Length; c++)
        {
            for (var e = followingOffsets[c]; e < followingOffsets[c + 1]; e++)
            {
                _followers[next[followings[e]]++] = c;
            }
        }
    }

    /// <summary>Consumers with at least one following.</summary>
    public int ConsumerCount => _consumerIds.Length;

    /// <summary>Producers with at least one follower.</summary>
    public int ProducerCount => _producerIds.Length;

    /// <summary>Distinct follow edges.</summary>
    public int EdgeCount => _followings.Length;

    /// <summary>Builds the graph from edges in any order.</summary>
    public static FollowGraph Build(IEnumerable<FollowEdge> edges)
    {
        var list = edges as IReadOnlyCollection<FollowEdge> ?? edges.ToList();
        var consumers = new long[list.Count];
        var producers = new long[list.Count];
        var n = 0;
        foreach (var edge in list)
        {
            (consumers[n], producers[n]) = (edge.Consumer, edge.Producer);
            n++;
        }

        var consumerIds = DistinctSorted(consumers);
        var producerIds = DistinctSorted(producers);
        var consumerIndex = IndexOf(consumerIds);
        var producerIndex = IndexOf(producerIds);

        var offsets = new int[consumerIds.Length + 1];
        var rowOf = new int[n];
        for (var e = 0; e < n; e++)
        {
            rowOf[e] = consumerIndex[consumers[e]];
            offsets[rowOf[e] + 1]++;
        }

        for (var c = 0; c < consumerIds.Length; c++)
        {
            offsets[c + 1] += offsets[c];
        }

        var cells = new int[n];
        var next = offsets[..^1];
        for (var e = 0; e < n; e++)
        {
            cells[next[rowOf[e]]++] = producerIndex[producers[e]];
        }

        // Sort each row and squeeze out duplicates, shifting rows left as we go.
        var write = 0;
        for (var c = 0; c < consumerIds.Length; c++)
        {
            var (start, end) = (offsets[c], offsets[c + 1]);
            Array.Sort(cells, start, end - start);
            offsets[c] = write;
            for (var e = start; e < end; e++)
            {
                if (e == start || cells[e] != cells[e - 1])
                {
                    cells[write++] = cells[e];
                }
            }
        }

        offsets[consumerIds.Length] = write;
        return new FollowGraph(consumerIds, producerIds, offsets, write == n ? cells : cells[..write]);
    }

    public long ConsumerId(int consumerIndex) => _consumerIds[consumerIndex];

    public long ProducerId(int producerIndex) => _producerIds[producerIndex];

    /// <summary>The dense index of a producer, or -1 when it has no follower.</summary>
    public int ProducerIndex(long producerId) => _producerIndex.TryGetValue(producerId, out var i) ? i : -1;

    /// <summary>Producer indices a consumer follows, ascending.</summary>
    public ReadOnlySpan<int> FollowingsOf(int consumerIndex) =>
        _followings.AsSpan(_followingOffsets[consumerIndex], _followingOffsets[consumerIndex + 1] - _followingOffsets[consumerIndex]);

    /// <summary>Consumer indices following a producer, ascending.</summary>
    public ReadOnlySpan<int> FollowersOf(int producerIndex) =>
        _followers.AsSpan(_followerOffsets[producerIndex], _followerOffsets[producerIndex + 1] - _followerOffsets[producerIndex]);

    /// <summary>The follower count of a producer.</summary>
    public int FollowerCount(int producerIndex) => _followerOffsets[producerIndex + 1] - _followerOffsets[producerIndex];

    private static long[] DistinctSorted(long[] ids)
    {
        var copy = (long[])ids.Clone();
        Array.Sort(copy);
        var n = 0;
        for (var i = 0; i < copy.Length; i++)
        {
            if (i == 0 || copy[i] != copy[i - 1])
            {
                copy[n++] = copy[i];
            }
        }

        return copy[..n];
    }

    private static Dictionary<long, int> IndexOf(long[] ids)
    {
        var index = new Dictionary<long, int>(ids.Length);
        for (var i = 0; i < ids.Length; i++)
        {
            index[ids[i]] = i;
        }

        return index;
    }
}
