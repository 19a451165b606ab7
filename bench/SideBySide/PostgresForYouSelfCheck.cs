using Npgsql;
using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Interfaces.Posts;
using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Sample;

namespace Recsys.Bench.SideBySide;

/// <summary>
/// The PostgreSQL version on a hand-built world where each rule decides the page: viewer 1 follows 2, 3 and 5;
/// 2 wrote six equally good posts and 3 one slightly worse (author diversity must put 3's second); 3 liked posts
/// of 4 (blocked by the viewer), of the viewer itself and of 6 (not followed: out-of-network); 5 blocked the viewer.
/// Returns the failed expectations; none means the query keeps the rules.
/// </summary>
public static class PostgresForYouSelfCheck
{
    private const long Viewer = 1, Prolific = 2, Followee = 3, Blocked = 4, Blocker = 5, Stranger = 6;

    public static async Task<IReadOnlyList<string>> RunAsync(string connectionString)
    {
        var now = DateTimeOffset.UtcNow;
        var data = World(now);
        IReadOnlyList<UserBlock> blocks = [new(Viewer, Blocked), new(Blocker, Viewer)];
        var p = new PostgresForYouParams();
        await using var db = PostgresForYouDeployment.CreateDataSource(connectionString, 2);
        await PostgresForYouLoader.LoadAsync(db, data, blocks, p);
        var page = await new PostgresForYouQuery(p).ReadAsync(db, Viewer, now);
        var failed = PageCheck.Problems(Viewer, page.Select(i => (i.PostId, i.AuthorId)).ToArray(), PageCheck.HiddenAuthors(Viewer, blocks), p.PageSize).ToList();
        void Expect(bool holds, string what)
        {
            if (!holds)
            {
                failed.Add(what);
            }
        }

        Expect(page.Count == 8, $"8 items (six of 2, one of 3, one of 6), got {page.Count}");
        Expect(page.Count >= 2 && page[0].AuthorId == Prolific && page[1].AuthorId == Followee,
            $"2's best post, then 3's (diversity discounts 2's second to 0.625); got authors {string.Join(", ", page.Select(i => i.AuthorId))}");
        Expect(page.Where(i => i.AuthorId == Prolific).Select(i => i.AuthorRank).Order().SequenceEqual([0, 1, 2, 3, 4, 5]), "2's posts discounted as its 1st to 6th");
        Expect(page.Any(i => i.AuthorId == Stranger && !i.InNetwork && i.SocialProof == 1), "6's post out-of-network with 3 as proof");
        Expect(page.Where(i => i.AuthorId != Stranger).All(i => i.InNetwork), "followees' posts in-network");
        Expect(page.Zip(page.Skip(1)).All(pair => pair.First.Score >= pair.Second.Score), "sorted by score");
        return failed;
    }

    private static SampleDataSet World(DateTimeOffset now)
    {
        var hourAgo = now.AddHours(-1);
        var fillers = Enumerable.Range(100, 30).Select(i => (long)i).ToArray();
        var users = new long[] { Viewer, Prolific, Followee, Blocked, Blocker, Stranger }.Concat(fillers)
            .Select(id => new SampleUser(new UserProfile(id, $"u{id}", "en", null, now.AddDays(-30)), 0, [1f], 1, 1)).ToArray();
        SampleFollow[] follows = [new(Viewer, Prolific), new(Viewer, Followee), new(Viewer, Blocker)];
        var posts = new List<SamplePost>();
        var engagements = new List<EngagementEvent>();
        void Post(long id, long author, int impressions, int likes)
        {
            posts.Add(new SamplePost(new PostRecord(id, author, $"post {id}", hourAgo, "en"), 0));
            for (var i = 0; i < impressions; i++)
            {
                engagements.Add(new EngagementEvent($"i{id}-{i}", fillers[i], EngagementAction.Impression, id, null, hourAgo.AddMinutes(1)));
                if (i < likes)
                {
                    engagements.Add(new EngagementEvent($"l{id}-{i}", fillers[i], EngagementAction.Like, id, null, hourAgo.AddMinutes(2)));
                }
            }
        }

        for (var i = 0; i < 6; i++)
        {
            Post(20 + i, Prolific, 20, 10);
        }

        Post(30, Followee, 20, 8);
        Post(40, Blocked, 20, 15);
        Post(50, Blocker, 20, 15);
        Post(10, Viewer, 20, 15);
        Post(60, Stranger, 20, 5);
        foreach (var liked in new long[] { 40, 10, 60 })
        {
            engagements.Add(new EngagementEvent($"proof{liked}", Followee, EngagementAction.Like, liked, null, hourAgo.AddMinutes(3)));
        }

        return new SampleDataSet(1, now, [], users, follows, posts, engagements);
    }
}
