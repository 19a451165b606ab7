using Recsys.Grains.SimClusters;

namespace Recsys.Grains.Tests.SimClusters;

/// <summary>
/// A deterministic follow graph with planted communities, for KnownFor quality tests and the KnownFor benchmark.
/// Producer i (ids 1..P) belongs to community i mod C. Each consumer has a home community and a power-law number
/// of followings (Pareto, α = 1.5, mean ≈ 3 × the minimum); each following lands in the home community with
/// probability <c>inCommunityShare</c>, else in a uniformly drawn community, and picks a producer there with
/// Zipf-like popularity (rank r weighs (r + 1)^−0.7), so follower counts are skewed too.
/// </summary>
public sealed record PlantedCommunityGraph(IReadOnlyList<FollowEdge> Follows, IReadOnlyDictionary<long, int> Truth)
{
    /// <summary>Consumer ids start here, clear of producer ids.</summary>
    public const long FirstConsumerId = 1_000_000_000;

    public static PlantedCommunityGraph Generate(
        int producers,
        int communities,
        int consumers,
        int seed,
        double inCommunityShare = 0.5,
        int minFollowings = 5,
        int maxFollowings = 200)
    {
        var random = new Random(seed);
        var maxSize = (producers + communities - 1) / communities;
        var cumulative = new double[maxSize];
        for (var r = 0; r < maxSize; r++)
        {
            cumulative[r] = (r == 0 ? 0 : cumulative[r - 1]) + Math.Pow(r + 1, -0.7);
        }

        var truth = new Dictionary<long, int>(producers);
        for (var i = 0; i < producers; i++)
        {
            truth[i + 1] = i % communities;
        }

        var follows = new List<FollowEdge>(consumers * minFollowings * 3);
        var chosen = new HashSet<long>();
        for (var c = 0; c < consumers; c++)
        {
            var home = random.Next(communities);
            var wanted = (int)Math.Min(maxFollowings, Math.Floor(minFollowings / Math.Pow(1 - random.NextDouble(), 1 / 1.5)));
            chosen.Clear();
            for (var attempt = 0; attempt < wanted * 3 && chosen.Count < wanted; attempt++)
            {
                var community = random.NextDouble() < inCommunityShare ? home : random.Next(communities);
                var size = (producers - community + communities - 1) / communities;
                var rank = Array.BinarySearch(cumulative, 0, size, random.NextDouble() * cumulative[size - 1]);
                rank = rank >= 0 ? rank : ~rank;
                chosen.Add(1 + community + (long)Math.Min(rank, size - 1) * communities);
            }

            foreach (var producer in chosen.Order())
            {
                follows.Add(new FollowEdge(FirstConsumerId + c, producer));
            }
        }

        return new PlantedCommunityGraph(follows, truth);
    }
}
