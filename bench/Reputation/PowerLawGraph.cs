namespace Recsys.Bench.Reputation;

/// <summary>
/// A seeded follow graph with power-law degrees, as dense edge arrays. A node at popularity position x in [0, 1)
/// is drawn with density ∝ x^(1/k − 1) by taking N·u^k; targets use k = 4 (the most followed 1% of users get about
/// a third of all follows), sources k = 2 (followings are less skewed). Positions map to node ids through a random
/// permutation so that popular users are scattered, not packed at low indices. Self-follows are redrawn; duplicate
/// pairs are left for the graph builder to merge.
/// </summary>
public sealed class PowerLawGraph
{
    private const double TargetSkew = 4;
    private const double SourceSkew = 2;

    private PowerLawGraph(int users, int[] sources, int[] targets)
    {
        Users = users;
        Sources = sources;
        Targets = targets;
    }

    public int Users { get; }

    public int[] Sources { get; }

    public int[] Targets { get; }

    public static PowerLawGraph Generate(int users, int edges, ulong seed = 42)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(users, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(edges);
        var random = new SplitMix64(seed);
        var sourceIds = Permutation(users, ref random);
        var targetIds = Permutation(users, ref random);
        var sources = new int[edges];
        var targets = new int[edges];
        for (var e = 0; e < edges; e++)
        {
            int source, target;
            do
            {
                source = sourceIds[Position(users, SourceSkew, random.NextDouble())];
                target = targetIds[Position(users, TargetSkew, random.NextDouble())];
            }
            while (source == target);

            sources[e] = source;
            targets[e] = target;
        }

        return new PowerLawGraph(users, sources, targets);
    }

    private static int Position(int users, double skew, double u) => Math.Min(users - 1, (int)(users * Math.Pow(u, skew)));

    private static int[] Permutation(int n, ref SplitMix64 random)
    {
        var ids = new int[n];
        for (var i = 0; i < n; i++)
        {
            ids[i] = i;
        }

        for (var i = n - 1; i > 0; i--)
        {
            var j = (int)(random.Next() % (ulong)(i + 1));
            (ids[i], ids[j]) = (ids[j], ids[i]);
        }

        return ids;
    }

    /// <summary>Steele, Lea and Flood's SplitMix64 (OOPSLA 2014): small, fast, and the same on every runtime.</summary>
    private struct SplitMix64(ulong state)
    {
        private ulong state = state;

        public ulong Next()
        {
            var z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));
    }
}
