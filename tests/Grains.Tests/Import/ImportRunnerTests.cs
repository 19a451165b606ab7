using Recsys.Grains.Import;
using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Interfaces.Posts;
using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Tests.Support;

namespace Recsys.Grains.Tests.Import;

[Trait("Category", "Functional")]
[Trait("Area", "Import")]
public sealed class ImportRunnerTests
{
    [Fact]
    public async Task AHiggsFixtureLoadsThroughTheGrainsAndLoadingItAgainChangesNothing()
    {
        await using var cluster = await DomainSilo.StartAsync();
        var plan = Offset(HiggsPlanner.Plan(HiggsActivityReader.Read(Fixture.Path("higgs-small.txt")), DomainSilo.Start, shiftToNow: true, "fixture"));
        var runner = new ImportRunner(cluster.GrainFactory, new ImportRunnerOptions());

        var first = await runner.RunAsync(plan);
        var again = await runner.RunAsync(plan);

        Assert.Equal((10L, 0L, 0L), (first.Accepted, first.Duplicates, first.Rejected));
        Assert.Equal((0L, 10L), (again.Accepted, again.Duplicates));
        var (one, two) = (plan.Users[0].Id, plan.Users[1].Id);
        Assert.Equal(3, (await cluster.GrainFactory.GetGrain<IUserGrain>(two).GetProfile()).FollowerCount);
        Assert.Contains((await cluster.GrainFactory.GetGrain<IUserGrain>(one).GetViewerContext()).Follows, f => f.UserId == two);
        var firstHour = await cluster.GrainFactory.GetGrain<IPostGrain>(plan.Posts[0].Id).GetView();
        Assert.Equal(2, firstHour.Engagements.Total(EngagementAction.Repost));
        Assert.Contains((await cluster.GrainFactory.GetGrain<IUserGrain>(one).GetRealGraph(10)).Edges, e => e.UserId == two && e.Followed);
    }

    // Ids no other test uses: the plan's users, posts and events move by one random offset.
    private static ImportPlan Offset(ImportPlan plan)
    {
        var offset = DomainSilo.UniqueId() / 10 * 10;
        var postOffset = DomainSilo.UniqueId();
        long? Shift(long? id) => id + offset;
        return plan with
        {
            Users = plan.Users.Select(u => u with { Id = u.Id + offset }).ToArray(),
            Posts = plan.Posts.Select(p => p with { Id = p.Id - HiggsPlanner.PostIdBase + postOffset, AuthorId = p.AuthorId + offset }).ToArray(),
            Follows = plan.Follows.Select(f => f with { Id = f.Id + offset, UserId = f.UserId + offset, TargetUserId = Shift(f.TargetUserId) }).ToArray(),
            Engagements = plan.Engagements.Select(e => e with
            {
                Id = e.Id + offset,
                UserId = e.UserId + offset,
                TargetUserId = Shift(e.TargetUserId),
                PostId = e.PostId is { } p ? p - HiggsPlanner.PostIdBase + postOffset : null,
            }).ToArray(),
        };
    }
}
