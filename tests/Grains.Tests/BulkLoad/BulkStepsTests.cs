using Recsys.Grains.BulkLoad;
using Recsys.Grains.Hosting;
using Recsys.Grains.Interfaces.Posts;
using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Tests.Support;
using Recsys.Runtime.Hosting;
using Recsys.Runtime.Testing;

namespace Recsys.Grains.Tests.BulkLoad;

/// <summary>
/// The streaming loader: steps commit every <see cref="BulkLoadOptions.ItemsPerTransaction"/> items, a later
/// transaction's silo starts from what the earlier ones committed, and posts loaded without fan-out still reach
/// followers, whose inboxes are rebuilt from their followees' recent posts when a silo first reads them.
/// </summary>
[Trait("Category", "Functional")]
[Trait("Area", "BulkLoad")]
public sealed class BulkStepsTests
{
    private static readonly DateTimeOffset Now = DomainSilo.Start;

    [Fact]
    public async Task EachTransactionStartsFromWhatTheTransactionsBeforeItCommitted()
    {
        using var database = new TemporaryDatabase();
        var loader = new BulkLoader(new SqliteBulkTarget(database.FilePath), new BulkLoadOptions { Time = new ManualTimeProvider(Now), ItemsPerTransaction = 2 });
        const long reader = 1, author = 2, postId = 10;
        BulkStep[] steps =
        [
            new("users", 1, g => g.GetGrain<IUserGrain>(reader).Upsert(Profile(reader))),
            new("users", 1, g => g.GetGrain<IUserGrain>(author).Upsert(Profile(author))),
            // ImportFollows checks that the followee exists: it does only if the first transaction was committed.
            new("follows", 1, g => g.GetGrain<IFollowersGrain>(author).AddMany([reader])),
            new("follows", 1, g => g.GetGrain<IUserGrain>(reader).ImportFollows([author])),
            new("posts", 1, g => g.GetGrain<IPostGrain>(postId).Create(new PostRecord(postId, author, "hello", Now.AddMinutes(-5), "en", false))),
        ];

        var totals = await loader.LoadAsync(steps);

        Assert.Equal(3, totals.Transactions);
        await using var silo = await TestCluster.StartAsync(s =>
        {
            s.UseTimeProvider(new ManualTimeProvider(Now));
            s.AddSqliteGrainStorage("Default", o => o.FilePath = database.FilePath);
            s.UseMemoryReminders();
            s.UseSqliteEngagementLog(database.FilePath);
            s.AddRecsysDomain();
        });
        var context = await silo.GrainFactory.GetGrain<IUserGrain>(reader).GetViewerContext();
        Assert.Equal([author], context.Follows.Select(f => f.UserId));
        var candidates = await silo.GrainFactory.GetGrain<IUserGrain>(reader).GetInNetworkCandidates(Now.AddDays(-1), 100);
        Assert.Equal([postId], candidates.Entries.Select(e => e.PostId));
    }

    [Fact]
    public async Task AFailingStepLeavesTheTransactionsBeforeItAndNothingOfItsOwn()
    {
        using var database = new TemporaryDatabase();
        var loader = new BulkLoader(new SqliteBulkTarget(database.FilePath), new BulkLoadOptions { Time = new ManualTimeProvider(Now), ItemsPerTransaction = 1 });
        BulkStep[] steps =
        [
            new("users", 1, g => g.GetGrain<IUserGrain>(1).Upsert(Profile(1))),
            new("users", 1, async g =>
            {
                await g.GetGrain<IUserGrain>(2).Upsert(Profile(2));
                throw new InvalidOperationException("the input ended early");
            }),
        ];

        await Assert.ThrowsAsync<InvalidOperationException>(() => loader.LoadAsync(steps));

        var stored = await StoredRows.ReadSqliteAsync(database.FilePath, Runtime.Configuration.Options.ClusterOptions.DefaultServiceId);
        Assert.Contains(stored.States.Keys, k => k.StartsWith("user.", StringComparison.Ordinal) && k.Contains("/0/1/", StringComparison.Ordinal));
        Assert.DoesNotContain(stored.States.Keys, k => k.StartsWith("user.", StringComparison.Ordinal) && k.Contains("/0/2/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AStateOnlyReadIsNotWrittenBack()
    {
        using var database = new TemporaryDatabase();
        var loader = new BulkLoader(new SqliteBulkTarget(database.FilePath), new BulkLoadOptions { Time = new ManualTimeProvider(Now) });

        var created = await loader.LoadAsync([new BulkStep("users", 1, g => g.GetGrain<IUserGrain>(1).Upsert(Profile(1)))]);
        var read = await loader.LoadAsync([new BulkStep("reads", 1, g => g.GetGrain<IUserGrain>(1).GetViewerContext())]);

        Assert.NotEqual(0, created.States);
        Assert.Equal(0, read.States);
    }

    private static UserProfile Profile(long id) => new(id, "u" + id, "en", "US", Now.AddDays(-100));
}
