using System.Diagnostics;
using Recsys.Bench.Harness;
using Recsys.Grains.SimClusters;

namespace Recsys.Bench.SimClusters;

/// <summary>
/// The online post embedding rule alone (issue 6): likes applied to posts, each adding its liker's InterestedIn vector
/// (<see cref="PostEmbeddingUpdate.ApplyLike"/>), with vectors as wide as the published limits allow (up to 50
/// communities per user and per post, out of 10,000). Prints likes per second and bytes allocated per like.
/// </summary>
public static class PostLikeBenchmark
{
    private const int Communities = 10_000;
    private const int Likers = 10_000;
    private const int Posts = 10_000;

    public static IReadOnlyList<BenchResult> Run(int likes)
    {
        var options = new SimClustersOptions();
        var random = new Random(5);
        var likers = new SparseVector[Likers];
        for (var i = 0; i < likers.Length; i++)
        {
            // A user's communities cluster (a few neighbourhoods of ids), so posts liked by similar users overlap.
            var home = random.Next(Communities);
            likers[i] = SparseVector.FromEntries(Enumerable.Range(0, random.Next(10, options.MaxClustersPerUser + 1))
                .Select(_ => ((home + random.Next(200)) % Communities, (float)random.NextDouble())));
        }

        var start = DateTimeOffset.UnixEpoch;
        var posts = Enumerable.Range(0, Posts).Select(id => PostEmbedding.Empty(id, start)).ToArray();
        var picks = Enumerable.Range(0, likes).Select(_ => (Post: random.Next(Posts), Liker: random.Next(Likers))).ToArray();

        Apply(posts, likers, picks.AsSpan(0, Math.Min(likes, 50_000)), start, options); // warm-up: tiered JIT, posts filled
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        Apply(posts, likers, picks, start.AddMinutes(1), options);
        var elapsed = clock.Elapsed;
        var perLike = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)likes;
        var width = posts.Average(p => p.Scores.Count);
        return [new BenchResult($"like applied to a post embedding ({width:F1} communities per post after, {perLike:N0} bytes allocated per like)", likes, elapsed, 0, 0)];
    }

    private static void Apply(PostEmbedding[] posts, SparseVector[] likers, ReadOnlySpan<(int Post, int Liker)> picks, DateTimeOffset from, SimClustersOptions options)
    {
        for (var i = 0; i < picks.Length; i++)
        {
            var (post, liker) = picks[i];
            posts[post] = PostEmbeddingUpdate.ApplyLike(posts[post], likers[liker], from.AddMilliseconds(i), options);
        }
    }
}
