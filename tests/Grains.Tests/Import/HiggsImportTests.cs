using Recsys.Grains.Import;
using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Tests.Support;

namespace Recsys.Grains.Tests.Import;

[Trait("Category", "BVT")]
[Trait("Area", "Import")]
public sealed class HiggsImportTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheLogBecomesUsersFollowsPostsAndEngagements()
    {
        var plan = HiggsPlanner.Plan(HiggsActivityReader.Read(Fixture.Path("higgs-small.txt")), Now, shiftToNow: true, "fixture");

        Assert.Equal([1L, 2, 3, 4, 5, 6], plan.Users.Select(u => u.Id));
        Assert.Equal(["1->2", "3->2", "4->1", "6->2"], plan.Follows.Select(f => $"{f.UserId}->{f.TargetUserId}").Order());
        Assert.Equal(2, plan.Posts.Count); // user 2's retweeted/replied activity in the file's first and second hour
        Assert.All(plan.Posts, p => Assert.Equal(2, p.AuthorId));
        Assert.Equal(6, plan.Engagements.Count);
        Assert.Equal(1, plan.Skipped); // 5 retweeting 5
        Assert.Equal(Now, plan.Engagements.Max(e => e.Time)); // shifted: the newest event is now
        Assert.Equal(Now.AddSeconds(1341100000 - 1341200000), plan.Follows.Single(f => f.UserId == 1).Time); // the first interaction
        var reply = plan.Engagements.Single(e => e.Action == EngagementAction.Reply);
        Assert.Equal(HiggsPlanner.PostIdBase + 2 * HiggsPlanner.HoursPerAuthor + 1, reply.PostId);
        Assert.Equal(2, plan.Engagements.Count(e => e.Action == EngagementAction.Mention && e.PostId is null));
        Assert.All(plan.Posts, p => Assert.True(p.CreatedAt <= plan.Engagements.Where(e => e.PostId == p.Id).Min(e => e.Time)));
    }

    [Fact]
    public void GzipAndPlainTextReadAlikeAndTimesStayPutWithoutShift()
    {
        var gz = Fixture.Gzipped("higgs-small.txt");
        try
        {
            var plain = HiggsActivityReader.Read(Fixture.Path("higgs-small.txt"));
            Assert.Equal(plain, HiggsActivityReader.Read(gz));
            var unshifted = HiggsPlanner.Plan(plain, Now, shiftToNow: false, "fixture");
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1341200000), unshifted.Engagements.Max(e => e.Time));
        }
        finally
        {
            File.Delete(gz);
        }
    }

    [Fact]
    public void AMalformedLineIsRefusedWithItsNumber()
    {
        var error = Assert.Throws<ImportFormatException>(() => HiggsActivityReader.Read(Fixture.Path("higgs-broken.txt")));

        Assert.StartsWith("higgs-broken.txt line 2: expected 'userA userB unix_time RT|MT|RE'", error.Message);
    }

    [SkippableFact]
    public void TheRealHiggsLogHasThePublishedCounts()
    {
        var log = HiggsActivityReader.Read(SharedData.FileOrSkip("higgs-activity_time.txt.gz"));

        Assert.Equal(563_069, log.Count);
        Assert.Equal(354_930, log.Count(i => i.Kind == HiggsKind.Retweet));
        Assert.Equal(171_237, log.Count(i => i.Kind == HiggsKind.Mention));
        Assert.Equal(36_902, log.Count(i => i.Kind == HiggsKind.Reply));
        var plan = HiggsPlanner.Plan(log, Now, shiftToNow: true, "higgs");
        Assert.Equal(304_691, plan.Users.Count);
        Assert.Equal(log.Count - log.Count(i => i.UserA == i.UserB), plan.Engagements.Count);
    }
}
