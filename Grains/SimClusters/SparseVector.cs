using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text.Json.Serialization;

namespace Recsys.Grains.SimClusters;

/// <summary>
/// An immutable sparse vector over SimClusters communities: cluster ids in strictly ascending order, each with a
/// non-zero finite score. Sorted by id so that dot products are one merge pass; <see cref="ByScoreDescending"/>
/// gives the ranked view. Serialises to JSON as two parallel arrays.
/// </summary>
public sealed partial class SparseVector : IEquatable<SparseVector>
{
    /// <summary>The vector with no entries.</summary>
    public static readonly SparseVector Empty = new(Array.Empty<int>(), Array.Empty<float>());

    /// <summary>Builds a vector from ascending, distinct cluster ids and their non-zero finite scores.</summary>
    [JsonConstructor]
    public SparseVector(ImmutableArray<int> clusters, ImmutableArray<float> scores)
    {
        if (clusters.IsDefault || scores.IsDefault || clusters.Length != scores.Length)
        {
            throw new ArgumentException("clusters and scores must be non-null and of equal length");
        }

        for (var i = 0; i < clusters.Length; i++)
        {
            if (i > 0 && clusters[i] <= clusters[i - 1])
            {
                throw new ArgumentException("cluster ids must be strictly ascending", nameof(clusters));
            }

            if (scores[i] == 0 || !float.IsFinite(scores[i]))
            {
                throw new ArgumentException($"score of cluster {clusters[i]} must be non-zero and finite", nameof(scores));
            }
        }

        Clusters = clusters;
        Scores = scores;
    }

    // Trusted path for arrays this type has just built in order; skips the checks and the copy.
    private SparseVector(int[] clusters, float[] scores)
    {
        Clusters = ImmutableCollectionsMarshal.AsImmutableArray(clusters);
        Scores = ImmutableCollectionsMarshal.AsImmutableArray(scores);
    }

    // The L2 norm once computed (-1: not yet); the vector never changes, so a race only computes it twice.
    private double _norm = -1;

    /// <summary>Cluster ids, strictly ascending.</summary>
    public ImmutableArray<int> Clusters { get; }

    /// <summary>Scores, parallel to <see cref="Clusters"/>.</summary>
    public ImmutableArray<float> Scores { get; }

    /// <summary>The number of non-zero entries.</summary>
    [JsonIgnore]
    public int Count => Clusters.Length;

    /// <summary>True when there are no entries.</summary>
    [JsonIgnore]
    public bool IsEmpty => Clusters.Length == 0;

    /// <summary>
    /// Builds a vector from entries in any order: scores of a repeated cluster are summed, and entries that are zero
    /// (or sum to zero) or not finite are dropped.
    /// </summary>
    public static SparseVector FromEntries(IEnumerable<(int Cluster, float Score)> entries)
    {
        var list = entries.Where(e => e.Score != 0 && float.IsFinite(e.Score)).ToList();
        list.Sort((a, b) => a.Cluster.CompareTo(b.Cluster));
        var clusters = new List<int>(list.Count);
        var scores = new List<float>(list.Count);
        foreach (var (cluster, score) in list)
        {
            if (clusters.Count > 0 && clusters[^1] == cluster)
            {
                scores[^1] += score;
            }
            else
            {
                clusters.Add(cluster);
                scores.Add(score);
            }
        }

        return Compact(clusters.ToArray(), scores.ToArray(), clusters.Count);
    }

    /// <summary><see cref="Norm"/>, computed on first use and kept (a post's embedding is read by many requests).</summary>
    [JsonIgnore]
    public double CachedNorm
    {
        get
        {
            var norm = Volatile.Read(ref _norm);
            if (norm < 0)
            {
                norm = Norm();
                Volatile.Write(ref _norm, norm);
            }

            return norm;
        }
    }

    /// <summary>
    /// <see cref="Cosine"/> with both norms kept (<see cref="CachedNorm"/>): the same arithmetic, one merge pass per
    /// call instead of three.
    /// </summary>
    public double CosineCached(SparseVector other)
    {
        var denominator = CachedNorm * other.CachedNorm;
        return denominator == 0 ? 0 : Dot(other) / denominator;
    }

    /// <summary>The score of one cluster, 0 when absent.</summary>
    public float ScoreOf(int cluster)
    {
        var i = Clusters.AsSpan().BinarySearch(cluster);
        return i >= 0 ? Scores[i] : 0f;
    }

    /// <summary>Entries from the highest score down; equal scores by ascending cluster id.</summary>
    public IEnumerable<(int Cluster, float Score)> ByScoreDescending() =>
        Enumerable.Range(0, Count)
            .OrderByDescending(i => Scores[i])
            .ThenBy(i => Clusters[i])
            .Select(i => (Clusters[i], Scores[i]));

    public bool Equals(SparseVector? other) =>
        other is not null
        && Clusters.AsSpan().SequenceEqual(other.Clusters.AsSpan())
        && Scores.AsSpan().SequenceEqual(other.Scores.AsSpan());

    public override bool Equals(object? obj) => Equals(obj as SparseVector);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        for (var i = 0; i < Count; i++)
        {
            hash.Add(Clusters[i]);
            hash.Add(Scores[i]);
        }

        return hash.ToHashCode();
    }

    public override string ToString() =>
        "{" + string.Join(", ", Enumerable.Range(0, Count).Select(i => $"{Clusters[i]}:{Scores[i]:G4}")) + "}";

    // Drops zero and non-finite entries from ascending arrays, filled up to length, and wraps them.
    private static SparseVector Compact(int[] clusters, float[] scores, int length)
    {
        var kept = 0;
        for (var i = 0; i < length; i++)
        {
            if (scores[i] != 0 && float.IsFinite(scores[i]))
            {
                clusters[kept] = clusters[i];
                scores[kept] = scores[i];
                kept++;
            }
        }

        if (kept == 0)
        {
            return Empty;
        }

        return kept == clusters.Length
            ? new SparseVector(clusters, scores)
            : new SparseVector(clusters[..kept], scores[..kept]);
    }
}
