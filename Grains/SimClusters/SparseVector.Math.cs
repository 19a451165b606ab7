using System.Buffers;

namespace Recsys.Grains.SimClusters;

/// <summary>Arithmetic on sparse community vectors; every operation returns a new vector.</summary>
public sealed partial class SparseVector
{
    /// <summary>Σ_c a_c·b_c, one merge pass over the two ascending id lists, accumulated in double.</summary>
    public double Dot(SparseVector other)
    {
        var a = Clusters.AsSpan();
        var b = other.Clusters.AsSpan();
        var (i, j, sum) = (0, 0, 0.0);
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                sum += (double)Scores[i++] * other.Scores[j++];
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return sum;
    }

    /// <summary>The L2 norm ‖v‖₂.</summary>
    public double Norm() => Math.Sqrt(Dot(this));

    /// <summary>This vector scaled to unit L2 norm; the empty vector stays empty.</summary>
    public SparseVector Normalized()
    {
        var norm = Norm();
        return norm == 0 ? Empty : Scaled(1.0 / norm);
    }

    /// <summary>Σ a_c b_c / (‖a‖₂‖b‖₂) (algorithm.md 4.6); 0 when either vector is empty.</summary>
    public double Cosine(SparseVector other)
    {
        var denominator = Norm() * other.Norm();
        return denominator == 0 ? 0 : Dot(other) / denominator;
    }

    /// <summary>Every score multiplied by <paramref name="factor"/>; entries that underflow to zero are dropped.</summary>
    public SparseVector Scaled(double factor)
    {
        var clusters = Clusters.ToArray();
        var scores = new float[Count];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = (float)(Scores[i] * factor);
        }

        return Compact(clusters, scores, clusters.Length);
    }

    /// <summary>The algebird-style decayed vector: every score times 2^(−elapsed/halfLife).</summary>
    public SparseVector Decayed(TimeSpan elapsed, TimeSpan halfLife) => Scaled(HalfLifeDecay.Factor(elapsed, halfLife));

    /// <summary>this + weight·other; entries that cancel to zero are dropped.</summary>
    public SparseVector Add(SparseVector other, double weight = 1.0)
    {
        var clusters = new int[Count + other.Count];
        var scores = new float[clusters.Length];
        var (i, j, n) = (0, 0, 0);
        while (i < Count || j < other.Count)
        {
            if (j == other.Count || (i < Count && Clusters[i] < other.Clusters[j]))
            {
                (clusters[n], scores[n]) = (Clusters[i], Scores[i]);
                i++;
            }
            else if (i == Count || other.Clusters[j] < Clusters[i])
            {
                (clusters[n], scores[n]) = (other.Clusters[j], (float)(weight * other.Scores[j]));
                j++;
            }
            else
            {
                (clusters[n], scores[n]) = (Clusters[i], (float)(Scores[i] + weight * other.Scores[j]));
                i++;
                j++;
            }

            n++;
        }

        return Compact(clusters, scores, n);
    }

    /// <summary>
    /// aFactor·a + bFactor·b with entries below <paramref name="minScore"/> dropped and the top <paramref name="k"/>
    /// kept: exactly <c>a.Scaled(aFactor).Add(b.Scaled(bFactor))</c> less the scores below the threshold, then
    /// <c>.Top(k)</c>, in one merge pass that allocates only the result (a like on a post built five vectors and their
    /// ten arrays, issue 6).
    /// </summary>
    public static SparseVector DecayedSum(SparseVector a, double aFactor, SparseVector b, double bFactor, float minScore, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var capacity = a.Count + b.Count;
        if (capacity == 0 || k == 0)
        {
            return Empty;
        }

        var rentedClusters = ArrayPool<int>.Shared.Rent(capacity);
        var rentedScores = ArrayPool<float>.Shared.Rent(capacity);
        try
        {
            var clusters = rentedClusters.AsSpan(0, capacity);
            var scores = rentedScores.AsSpan(0, capacity);
            var n = 0;
            var (i, j) = (0, 0);
            while (i < a.Count || j < b.Count)
            {
                // Each side scaled and cast as Scaled does; an entry that became 0 or not finite is absent, as after its Compact.
                var fromA = i < a.Count && (j == b.Count || a.Clusters[i] <= b.Clusters[j]);
                var fromB = j < b.Count && (i == a.Count || b.Clusters[j] <= a.Clusters[i]);
                var cluster = fromA ? a.Clusters[i] : b.Clusters[j];
                var scaledA = fromA ? Present((float)(a.Scores[i] * aFactor)) : 0f;
                var scaledB = fromB ? Present((float)(b.Scores[j] * bFactor)) : 0f;
                var score = scaledB == 0 ? scaledA : scaledA == 0 ? scaledB : scaledA + scaledB;
                i += fromA ? 1 : 0;
                j += fromB ? 1 : 0;
                if (score != 0 && float.IsFinite(score) && !(score < minScore))
                {
                    (clusters[n], scores[n]) = (cluster, score);
                    n++;
                }
            }

            return n <= k ? Copy(clusters[..n], scores[..n]) : TopOf(clusters[..n], scores[..n], k);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(rentedClusters);
            ArrayPool<float>.Shared.Return(rentedScores);
        }

        static float Present(float score) => score != 0 && float.IsFinite(score) ? score : 0f;
    }

    // The k best of ascending entries (higher score first, then lower id, as ByScoreDescending), still ascending by id.
    private static SparseVector TopOf(ReadOnlySpan<int> clusters, ReadOnlySpan<float> scores, int k)
    {
        var rentedRanks = ArrayPool<ulong>.Shared.Rent(clusters.Length);
        try
        {
            var ranks = rentedRanks.AsSpan(0, clusters.Length);
            for (var i = 0; i < ranks.Length; i++)
            {
                ranks[i] = RankKey(clusters[i], scores[i]);
            }

            ranks.Sort();
            var cut = ranks[k - 1]; // keys are distinct (ids are), so exactly k are at or below it
            var kept = new int[k];
            var keptScores = new float[k];
            var n = 0;
            for (var i = 0; i < clusters.Length; i++)
            {
                if (RankKey(clusters[i], scores[i]) <= cut)
                {
                    (kept[n], keptScores[n]) = (clusters[i], scores[i]);
                    n++;
                }
            }

            return new SparseVector(kept, keptScores);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(rentedRanks);
        }
    }

    // Ascending key = descending score, then ascending id: a float's bits made to sort as unsigned, inverted.
    private static ulong RankKey(int cluster, float score)
    {
        var bits = BitConverter.SingleToUInt32Bits(score);
        var ascending = (bits & 0x8000_0000u) != 0 ? ~bits : bits | 0x8000_0000u;
        return ((ulong)~ascending << 32) | (uint)(cluster ^ int.MinValue);
    }

    private static SparseVector Copy(ReadOnlySpan<int> clusters, ReadOnlySpan<float> scores) =>
        clusters.IsEmpty ? Empty : new SparseVector(clusters.ToArray(), scores.ToArray());

    /// <summary>
    /// The <paramref name="k"/> entries with the largest scores (equal scores: lower cluster id wins), still sorted by
    /// cluster id.
    /// </summary>
    public SparseVector Top(int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (Count <= k)
        {
            return this;
        }

        return k == 0 ? Empty : TopOf(Clusters.AsSpan(), Scores.AsSpan(), k);
    }
}
