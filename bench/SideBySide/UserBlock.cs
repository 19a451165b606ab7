using Recsys.Grains.Sample;

namespace Recsys.Bench.SideBySide;

/// <summary>One user blocking another; the generated data has none, so the benchmark plants some (<see cref="Plant"/>).</summary>
public sealed record UserBlock(long BlockerId, long BlockedId)
{
    /// <summary>
    /// Each viewer blocks the <paramref name="perViewer"/> authors with the most likes, reposts, replies and quotes
    /// that it does not follow: the authors its out-of-network sources would most likely bring, so the block filter
    /// has work to do. Not following them keeps both systems' follow graphs identical (a grain's block also unfollows).
    /// </summary>
    public static IReadOnlyList<UserBlock> Plant(SampleDataSet data, IReadOnlyList<long> viewers, int perViewer)
    {
        var authorOf = data.Posts.ToDictionary(p => p.Post.Id, p => p.Post.AuthorId);
        var social = PostgresForYouSchema.SocialActions.ToHashSet();
        var engaged = data.Engagements.Where(e => e.PostId is { } id && social.Contains(e.Action) && authorOf.ContainsKey(id))
            .GroupBy(e => authorOf[e.PostId!.Value]).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).Take(1_000).ToArray();
        var follows = data.Follows.Select(f => (f.FollowerId, f.FolloweeId)).ToHashSet();
        return viewers.SelectMany(v => engaged.Where(a => a != v && !follows.Contains((v, a))).Take(perViewer).Select(a => new UserBlock(v, a))).ToArray();
    }
}
