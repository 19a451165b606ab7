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

        var kept = ByScoreDescending().Take(k).Select(e => e.Cluster).Order().ToArray();
        var scores = new float[kept.Length];
        for (var i = 0; i < kept.Length; i++)
        {
            scores[i] = ScoreOf(kept[i]);
        }

        return Compact(kept, scores, kept.Length);
    }

    /// <summary>Only the entries whose score is at least <paramref name="minScore"/>.</summary>
    public SparseVector AtLeast(float minScore)
    {
        var clusters = Clusters.ToArray();
        var scores = Scores.ToArray();
        for (var i = 0; i < scores.Length; i++)
        {
            if (scores[i] < minScore)
            {
                scores[i] = 0; // Compact drops it
            }
        }

        return Compact(clusters, scores, clusters.Length);
    }
}
