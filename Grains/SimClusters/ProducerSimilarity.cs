using System.Runtime.InteropServices;

namespace Recsys.Grains.SimClusters;

/// <summary>
/// Producer–producer cosine similarity of follower sets, |F(a) ∩ F(b)| / √(|F(a)|·|F(b)|), for producers with at
/// least <see cref="SimClustersOptions.MinFollowers"/> followers; the published job reads the same measure from
/// Manhattan's approximate_cosine_similarity_follow (algorithm.md 4.1).
/// </summary>
/// <remarks>
/// Made to fit one machine: a consumer's followings among clustered producers are sampled down to
/// <see cref="SimClustersOptions.MaxFollowingsSampledPerConsumer"/> (seeded per consumer), and each sampled co-follow
/// counts followings/sampled so the intersection estimate stays unbiased. Producer a's row walks a's followers and
/// their samples, so rows are independent: computed in parallel, identical on every run.
/// </remarks>
public static class ProducerSimilarity
{
    /// <summary>The KnownFor edge weight for a cosine: cos² × 10 with squared weights, else cos (UpdateKnownForSBFRunner).</summary>
    public static float EdgeWeight(float cosine, bool squareWeights) => squareWeights ? cosine * cosine * 10f : cosine;

    /// <summary>
    /// Neighbours kept per producer among <paramref name="clusteredProducers"/>: MaxNeighbors, capped at
    /// MaxNeighborShare of the producers (at least 1) so that small graphs stay sparse.
    /// </summary>
    public static int NeighborsToKeep(int clusteredProducers, SimClustersOptions options) =>
        Math.Min(options.MaxNeighbors, Math.Max(1, (int)Math.Ceiling(clusteredProducers * options.MaxNeighborShare)));

    /// <summary>Every clustered producer's top <see cref="NeighborsToKeep"/> neighbours by cosine.</summary>
    public static ProducerSimilarityGraph Compute(FollowGraph follows, SimClustersOptions options)
    {
        // Clustered producers, indexed in ascending id order like the follow graph.
        var rowOf = new int[follows.ProducerCount];
        var producerOfRow = new List<int>();
        for (var p = 0; p < follows.ProducerCount; p++)
        {
            rowOf[p] = follows.FollowerCount(p) >= options.MinFollowers ? producerOfRow.Count : -1;
            if (rowOf[p] >= 0)
            {
                producerOfRow.Add(p);
            }
        }

        var rows = producerOfRow.Count;
        var producers = producerOfRow.ToArray();
        var samples = SampleFollowings(follows, rowOf, options);
        var neighbors = new int[rows][];
        var cosines = new float[rows][];
        Parallel.For(
            0,
            rows,
            () => new RowScratch(rows, NeighborsToKeep(rows, options)),
            (row, _, scratch) =>
            {
                (neighbors[row], cosines[row]) = ComputeRow(row, producers, follows, samples, scratch);
                return scratch;
            },
            _ => { });

        var offsets = new int[rows + 1];
        for (var row = 0; row < rows; row++)
        {
            offsets[row + 1] = offsets[row] + neighbors[row].Length;
        }

        var flatNeighbors = new int[offsets[rows]];
        var flatCosines = new float[offsets[rows]];
        for (var row = 0; row < rows; row++)
        {
            neighbors[row].CopyTo(flatNeighbors, offsets[row]);
            cosines[row].CopyTo(flatCosines, offsets[row]);
        }

        var ids = producers.Select(follows.ProducerId).ToArray();
        return new ProducerSimilarityGraph(ids, offsets, flatNeighbors, flatCosines);
    }

    private static (int[] Neighbors, float[] Cosines) ComputeRow(
        int row, int[] producers, FollowGraph follows, SampledFollowings samples, RowScratch scratch)
    {
        var producer = producers[row];
        var (sums, touched) = (scratch.Sums, scratch.Touched);
        var touchedCount = 0;
        foreach (var consumer in follows.FollowersOf(producer))
        {
            var weight = samples.Weights[consumer];
            foreach (var other in samples.Of(consumer))
            {
                if (other == row)
                {
                    continue;
                }

                if (sums[other] == 0)
                {
                    touched[touchedCount++] = other;
                }

                sums[other] += weight;
            }
        }

        var degree = (double)follows.FollowerCount(producer);
        for (var t = 0; t < touchedCount; t++)
        {
            var other = touched[t];
            var otherDegree = follows.FollowerCount(producers[other]);
            var cosine = (float)Math.Min(1.0, sums[other] / Math.Sqrt(degree * otherDegree));
            scratch.Top.Offer(other, cosine);
            sums[other] = 0;
        }

        var kept = scratch.Top.Count;
        var (ids, scores) = (new int[kept], new float[kept]);
        scratch.Top.DrainById(ids, scores);
        return (ids, scores);
    }

    private static SampledFollowings SampleFollowings(FollowGraph follows, int[] rowOf, SimClustersOptions options)
    {
        var max = options.MaxFollowingsSampledPerConsumer;
        var offsets = new int[follows.ConsumerCount + 1];
        var weights = new float[follows.ConsumerCount];
        var cells = new List<int>(follows.EdgeCount);
        var buffer = new List<int>();
        for (var c = 0; c < follows.ConsumerCount; c++)
        {
            buffer.Clear();
            foreach (var p in follows.FollowingsOf(c))
            {
                if (rowOf[p] >= 0)
                {
                    buffer.Add(rowOf[p]);
                }
            }

            var span = CollectionsMarshal.AsSpan(buffer);
            if (span.Length > max)
            {
                // A partial Fisher–Yates: the first max slots become a uniform sample.
                var random = DeterministicRandom.ForKey(options.Seed, follows.ConsumerId(c));
                for (var i = 0; i < max; i++)
                {
                    var j = i + random.NextInt(span.Length - i);
                    (span[i], span[j]) = (span[j], span[i]);
                }

                weights[c] = (float)span.Length / max;
                span = span[..max];
            }
            else
            {
                weights[c] = 1f;
            }

            cells.AddRange(span);
            offsets[c + 1] = cells.Count;
        }

        return new SampledFollowings(offsets, cells.ToArray(), weights);
    }

    /// <summary>Each consumer's sampled followings as similarity rows, with the weight of one sampled co-follow.</summary>
    private sealed record SampledFollowings(int[] Offsets, int[] Cells, float[] Weights)
    {
        public ReadOnlySpan<int> Of(int consumer) => Cells.AsSpan(Offsets[consumer], Offsets[consumer + 1] - Offsets[consumer]);
    }

    /// <summary>Per-thread accumulators, reused across rows.</summary>
    private sealed class RowScratch(int rows, int maxNeighbors)
    {
        public double[] Sums { get; } = new double[rows];

        public int[] Touched { get; } = new int[rows];

        public TopKSelector Top { get; } = new(maxNeighbors);
    }
}
