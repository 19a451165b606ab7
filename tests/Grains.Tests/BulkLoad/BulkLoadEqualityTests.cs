using Recsys.Grains.BulkLoad;
using Recsys.Grains.Hosting;
using Recsys.Grains.Import;
using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Tests.Import;
using Recsys.Grains.Tests.Support;
using Recsys.Runtime.Configuration.Options;
using Recsys.Runtime.Hosting;
using Recsys.Runtime.Testing;

namespace Recsys.Grains.Tests.BulkLoad;

/// <summary>
/// The bulk loader's promise: the grain states, log rows and checkpoints it writes are those a load through the
/// grains' API leaves (with the same clock and the same plan, one batch at a time), on SQLite and on PostgreSQL.
/// </summary>
[Trait("Category", "Functional")]
[Trait("Area", "BulkLoad")]
public sealed class BulkLoadEqualityTests
{
    // One transaction for the whole plan, and a transaction every 4 items (users, posts, events): six chunks,
    // each in a fresh private silo that starts from what the chunks before it committed.
    [Theory]
    [InlineData(BulkLoadOptions.DefaultItemsPerTransaction, 1)]
    [InlineData(4, 6)]
    public async Task ABulkLoadIntoSqliteEqualsALoadThroughTheApi(int itemsPerTransaction, int atLeastTransactions)
    {
        using var api = new TemporaryDatabase();
        using var bulk = new TemporaryDatabase();
        var plan = Plan();

        await LoadThroughApiAsync(plan, ClusterOptions.DefaultServiceId, silo =>
        {
            silo.AddSqliteGrainStorage("Default", o => o.FilePath = api.FilePath);
            silo.UseSqliteEngagementLog(api.FilePath);
        });
        var result = await new BulkLoader(new SqliteBulkTarget(bulk.FilePath), new BulkLoadOptions { Time = Clock(), ItemsPerTransaction = itemsPerTransaction }).LoadAsync(plan);

        Assert.Equal(plan.EventCount, result.Import.Accepted);
        Assert.InRange(result.Totals.Transactions, atLeastTransactions, int.MaxValue);
        AssertSame(await StoredRows.ReadSqliteAsync(api.FilePath, ClusterOptions.DefaultServiceId), await StoredRows.ReadSqliteAsync(bulk.FilePath, ClusterOptions.DefaultServiceId));
    }

    [SkippableTheory]
    [InlineData(BulkLoadOptions.DefaultItemsPerTransaction)]
    [InlineData(4)]
    public async Task ABulkLoadIntoPostgresEqualsALoadThroughTheApi(int itemsPerTransaction)
    {
        // Its own database: sequences are shared by every service in one, and tests running alongside append.
        await using var database = await PrivatePostgresDatabase.CreateOrSkipAsync();
        var connectionString = database.ConnectionString;
        var (apiService, bulkService) = ("api-" + Guid.NewGuid().ToString("N")[..12], "bulk-" + Guid.NewGuid().ToString("N")[..12]);
        var plan = Plan();

        await LoadThroughApiAsync(plan, apiService, silo =>
        {
            silo.AddPostgresGrainStorage("Default", o => o.ConnectionString = connectionString);
            silo.UsePostgresEngagementLog(connectionString);
        });
        var target = new PostgresBulkTarget(connectionString);
        await using (target)
        {
            await new BulkLoader(target, new BulkLoadOptions { Time = Clock(), ServiceId = bulkService, ItemsPerTransaction = itemsPerTransaction }).LoadAsync(plan);
        }

        AssertSame(await StoredRows.ReadPostgresAsync(connectionString, apiService), await StoredRows.ReadPostgresAsync(connectionString, bulkService));
    }

    [Fact]
    public async Task BulkLoadingTheSamePlanAgainWritesNoEventTwice()
    {
        using var bulk = new TemporaryDatabase();
        var plan = Plan();
        var loader = new BulkLoader(new SqliteBulkTarget(bulk.FilePath), new BulkLoadOptions { Time = Clock(), ItemsPerTransaction = 4 });
        await loader.LoadAsync(plan);
        var before = await StoredRows.ReadSqliteAsync(bulk.FilePath, ClusterOptions.DefaultServiceId);

        var again = await loader.LoadAsync(plan);

        Assert.Equal((0L, (long)plan.EventCount), (again.Import.Accepted, again.Import.Duplicates));
        Assert.Equal(0, again.RowsWritten);
        Assert.Equal(before.Log, (await StoredRows.ReadSqliteAsync(bulk.FilePath, ClusterOptions.DefaultServiceId)).Log);
    }

    // The Higgs fixture plus likes, dwell and an impression, so aggregates of every kind are exercised.
    private static ImportPlan Plan()
    {
        var plan = HiggsPlanner.Plan(HiggsActivityReader.Read(Fixture.Path("higgs-small.txt")), DomainSilo.Start, shiftToNow: true, "fixture");
        var at = DomainSilo.Start.AddMinutes(-10);
        EngagementEvent[] extra =
        [
            new("x-1", 3, EngagementAction.Like, plan.Posts[0].Id, null, at),
            new("x-2", 6, EngagementAction.Dwell, plan.Posts[1].Id, null, at, 4_200),
            new("x-3", 4, EngagementAction.Impression, plan.Posts[1].Id, null, at),
            new("x-4", 1, EngagementAction.ProfileView, null, 4, at),
        ];
        return plan with { Engagements = plan.Engagements.Concat(extra).ToArray() };
    }

    private static ManualTimeProvider Clock() => new(DomainSilo.Start);

    private static async Task LoadThroughApiAsync(ImportPlan plan, string serviceId, Action<SiloBuilder> storage)
    {
        await using var cluster = await TestCluster.StartAsync(silo =>
        {
            silo.UseTimeProvider(Clock());
            silo.Configure<ClusterOptions>(o => o.ServiceId = serviceId);
            silo.UseMemoryReminders();
            storage(silo);
            silo.AddRecsysDomain();
        });
        var result = await new ImportRunner(cluster.GrainFactory, new ImportRunnerOptions { ConcurrentBatches = 1 }).RunAsync(plan);
        Assert.Equal(0, result.Rejected);
        await cluster.StopSiloAsync(); // every grain deactivates and checkpoints, as the bulk loader's silo does
    }

    private static void AssertSame(StoredRows api, StoredRows bulk)
    {
        Assert.Equal(api.States.Keys.Order(), bulk.States.Keys.Order());
        foreach (var (key, json) in api.States)
        {
            Assert.True(json == bulk.States[key], $"{key} differs:\napi:  {json}\nbulk: {bulk.States[key]}");
        }

        Assert.Equal(api.Log, bulk.Log);
        Assert.Equal(api.Checkpoints, bulk.Checkpoints);
        Assert.NotEmpty(api.Log);
    }
}
