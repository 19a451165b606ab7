using System.Globalization;
using Recsys.Grains.Reputation;
using Recsys.Grains.Tests.Support;

namespace Recsys.Grains.Tests.Reputation;

/// <summary>Loads the SNAP graphs and networkx reference PageRanks from ../shared/data (see its README).</summary>
internal static class ReferenceData
{
    /// <summary>ego-Facebook, undirected: every friendship becomes an edge in both directions.</summary>
    public static ReputationGraph Facebook()
    {
        var builder = new ReputationGraphBuilder(edgeCapacity: 2 * 88_234);
        foreach (var line in File.ReadLines(SharedData.FileOrSkip("facebook_combined.txt")))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2)
            {
                continue;
            }

            long a = long.Parse(parts[0], CultureInfo.InvariantCulture), b = long.Parse(parts[1], CultureInfo.InvariantCulture);
            builder.AddEdge(a, b);
            builder.AddEdge(b, a);
        }

        return builder.Build();
    }

    /// <summary>
    /// Bitcoin OTC trust, positive ratings only (nodes with only negative ratings are left out, as in the
    /// reference); weighted by the rating, parallel edges summed.
    /// </summary>
    public static ReputationGraph BitcoinPositive(bool weighted)
    {
        var builder = new ReputationGraphBuilder(weighted, ParallelEdgeMerge.Sum);
        foreach (var line in File.ReadLines(SharedData.FileOrSkip("soc-sign-bitcoinotc.csv")))
        {
            var parts = line.Split(',');
            if (parts.Length < 3 || !int.TryParse(parts[2], CultureInfo.InvariantCulture, out var rating) || rating <= 0)
            {
                continue;
            }

            builder.AddEdge(long.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture), rating);
        }

        return builder.Build();
    }

    /// <summary>A reference file: node id → PageRank.</summary>
    public static Dictionary<long, double> PageRanks(string fileName)
    {
        var ranks = new Dictionary<long, double>();
        foreach (var line in File.ReadLines(SharedData.FileOrSkip(Path.Combine("reference", fileName))).Skip(1))
        {
            var comma = line.IndexOf(',');
            if (comma > 0)
            {
                ranks[long.Parse(line.AsSpan(0, comma), CultureInfo.InvariantCulture)] =
                    double.Parse(line.AsSpan(comma + 1), CultureInfo.InvariantCulture);
            }
        }

        return ranks;
    }
}
