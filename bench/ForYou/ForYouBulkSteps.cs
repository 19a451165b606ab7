using Recsys.Grains.BulkLoad;
using Recsys.Grains.Fanout;
using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Interfaces.Posts;
using Recsys.Grains.Interfaces.SimClusters;
using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Sample;
using Recsys.Runtime;

namespace Recsys.Bench.ForYou;

/// <summary>
/// The benchmark's world as bulk-load steps, the same calls <see cref="ForYouBenchData.LoadAsync"/> makes through a
/// silo, in the same order: users; followers lists (one AddMany per followee) and follows (one ImportFollows per
/// follower), so each list is whole in the transaction that writes it; posts, parents before replies and by author
/// (creating a post rewrites its author's state: a chunk of posts by a quarter of the users holds a quarter of
/// the users' states, where the generated order would touch nearly all of them); each user's
/// InterestedIn from its planted interests; then every engagement through durable ingestion, which grows the posts'
/// embeddings and the communities' top posts as it does online.
/// </summary>
public static class ForYouBulkSteps
{
    private const int Parallelism = 256;

    // Items per step (users, follows, posts, events): a step runs whole inside one transaction, so steps are a
    // fraction of BulkLoadOptions.ItemsPerTransaction.
    private const int ItemsPerStep = 100_000;

    private const int EngagementBatch = 2_000;

    public static IReadOnlyList<BulkStep> Of(SampleDataSet data)
    {
        var steps = new List<BulkStep>();
        steps.AddRange(data.Users.Chunk(ItemsPerStep).Select(chunk => new BulkStep("users", chunk.Length, grains =>
            BoundedParallel.ForEachAsync(chunk, Parallelism, u => grains.GetGrain<IUserGrain>(u.Profile.Id).Upsert(u.Profile)))));

        steps.AddRange(ByWeight(data.Follows.GroupBy(f => f.FolloweeId).ToArray()).Select(chunk => new BulkStep("followers", chunk.Sum(g => g.Count()), grains =>
            BoundedParallel.ForEachAsync(chunk, Parallelism, g => grains.GetGrain<IFollowersGrain>(g.Key).AddMany(g.Select(f => f.FollowerId).ToArray())))));
        steps.AddRange(ByWeight(data.Follows.GroupBy(f => f.FollowerId).ToArray()).Select(chunk => new BulkStep("follows", chunk.Sum(g => g.Count()), grains =>
            BoundedParallel.ForEachAsync(chunk, Parallelism, g => grains.GetGrain<IUserGrain>(g.Key).ImportFollows(g.Select(f => f.FolloweeId).ToArray())))));

        steps.AddRange(ByReplyDepth(data.Posts).Chunk(ItemsPerStep).Select(chunk => new BulkStep("posts", chunk.Length, async grains =>
        {
            foreach (var wave in chunk.GroupBy(p => p.Depth).OrderBy(g => g.Key))
            {
                await BoundedParallel.ForEachAsync(wave.ToArray(), Parallelism, p => grains.GetGrain<IPostGrain>(p.Post.Post.Id).Create(p.Post.Post));
            }
        })));

        steps.AddRange(data.Users.Chunk(ItemsPerStep).Select(chunk => new BulkStep("interested-in", chunk.Length, grains =>
            BoundedParallel.ForEachAsync(chunk, Parallelism, u => grains.GetGrain<IUserGrain>(u.Profile.Id).SetSimClusters(ForYouBenchData.InterestedIn(u, data.Now))))));

        steps.AddRange(data.Engagements.Chunk(ItemsPerStep).Select(chunk => new BulkStep("engagements", chunk.Length, grains =>
            BoundedParallel.ForEachAsync(chunk.Chunk(EngagementBatch).ToArray(), 2, batch => ForYouBenchData.IngestAsync(grains, batch)))));
        return steps;
    }

    // Groups of a relation cut into steps of about ItemsPerStep edges (a group is never split).
    private static IEnumerable<IGrouping<long, SampleFollow>[]> ByWeight(IGrouping<long, SampleFollow>[] groups)
    {
        var step = new List<IGrouping<long, SampleFollow>>();
        var weight = 0;
        foreach (var group in groups)
        {
            step.Add(group);
            weight += group.Count();
            if (weight >= ItemsPerStep)
            {
                yield return step.ToArray();
                (step, weight) = ([], 0);
            }
        }

        if (step.Count > 0)
        {
            yield return step.ToArray();
        }
    }

    // Posts ordered so that each reply comes after its parent (depth 0 has no parent, depth d replies to depth d-1),
    // then by author.
    private static IEnumerable<(SamplePost Post, int Depth)> ByReplyDepth(IReadOnlyList<SamplePost> posts)
    {
        var depth = new Dictionary<long, int>(posts.Count);
        foreach (var post in posts)
        {
            depth[post.Post.Id] = post.Post.ReplyToId is { } parent ? depth[parent] + 1 : 0;
        }

        return posts.Select(p => (Post: p, Depth: depth[p.Post.Id])).OrderBy(p => p.Depth).ThenBy(p => p.Post.Post.AuthorId);
    }
}
