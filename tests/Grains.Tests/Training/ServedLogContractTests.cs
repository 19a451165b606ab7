using Recsys.Grains.Ingestion.Log;
using Recsys.Grains.Tests.Support;
using Recsys.Grains.Training.ServedLog;
using static Recsys.Grains.Tests.Training.TrainingData;

namespace Recsys.Grains.Tests.Training;

/// <summary>The contract every served-item log keeps; run against memory, SQLite and PostgreSQL.</summary>
public abstract class ServedLogContractTests
{
    protected abstract IServedLog CreateLog();

    [SkippableFact]
    public async Task Items_come_back_exactly_as_logged_by_serving_time_and_in_pages()
    {
        var log = CreateLog();
        var features = Enumerable.Range(0, 23).Select(i => i * 0.1 + 1e-12).ToArray();
        var first = Served(1, 10, author: 7, at: Start, features: features, position: 3) with { Source = "SimClusters", InNetwork = false, HeavyRankerVersion = "trained-x" };
        await log.AppendAsync([first, Served(1, 11, at: Start.AddHours(1)), Served(2, 12, at: Start.AddHours(2))]);
        await log.AppendAsync([Served(3, 13, at: Start.AddHours(3))]);

        var all = await log.ReadAsync(Start, Start.AddHours(3), 0, 10);
        var page = await log.ReadAsync(Start, Start.AddDays(1), 0, 2);
        var next = await log.ReadAsync(Start, Start.AddDays(1), page[^1].Id, 2);

        Assert.Equal([10L, 11, 12], all.Select(r => r.Item.PostId));
        var read = all[0].Item;
        Assert.Equal(features, read.Features);
        Assert.Equal(first with { Features = read.Features }, read);
        Assert.Equal([10L, 11], page.Select(r => r.Item.PostId));
        Assert.Equal([12L, 13], next.Select(r => r.Item.PostId));
    }

    [SkippableFact]
    public async Task Pruning_deletes_only_items_served_before_the_cutoff()
    {
        var log = CreateLog();
        await log.AppendAsync([Served(1, 10, at: Start), Served(1, 11, at: Start.AddDays(2))]);

        var deleted = await log.PruneAsync(Start.AddDays(1));

        Assert.Equal(1, deleted);
        Assert.Equal(11, Assert.Single(await log.ReadAsync(Start.AddDays(-1), Start.AddDays(3), 0, 10)).Item.PostId);
    }
}

[Trait("Category", "BVT")]
[Trait("Area", "Training")]
public sealed class MemoryServedLogTests : ServedLogContractTests
{
    protected override IServedLog CreateLog() => new MemoryServedLog();

    [Fact]
    public async Task Thousands_of_items_of_several_widths_read_back_with_their_own_features_after_growth_and_pruning()
    {
        var log = new MemoryServedLog();
        var items = Enumerable.Range(0, 5_000)
            .Select(i => Served(i % 7, i, at: Start.AddMinutes(i), features: Enumerable.Range(0, 1 + i % 5).Select(f => i + f / 10.0).ToArray(), position: i % 35)
                with { Source = i % 2 == 0 ? "InNetwork" : "SimClusters", ServedAt = Start.AddMinutes(i).ToOffset(TimeSpan.FromHours(i % 3)) })
            .ToArray();
        foreach (var batch in items.Chunk(700))
        {
            await log.AppendAsync(batch);
        }

        var deleted = await log.PruneAsync(Start.AddMinutes(1_234));
        var rows = await log.ReadAsync(Start, Start.AddDays(30), 0, 10_000);

        Assert.Equal(1_234, deleted);
        Assert.Equal(items.Skip(1_234).Select(i => i.PostId), rows.Select(r => r.Item.PostId));
        Assert.All(rows, r =>
        {
            var item = items[r.Item.PostId];
            Assert.Equal(item.Features, r.Item.Features);
            Assert.Equal(item with { Features = r.Item.Features }, r.Item);
            Assert.Equal(item.ServedAt.Offset, r.Item.ServedAt.Offset);
        });
        Assert.Equal(rows.Select(r => r.Id).Order(), rows.Select(r => r.Id)); // ids stay in append order after pruning
    }
}

[Trait("Category", "Functional")]
[Trait("Area", "Training")]
public sealed class SqliteServedLogTests : ServedLogContractTests, IDisposable
{
    private readonly TemporaryDatabase _database = new();

    protected override IServedLog CreateLog() =>
        new SqliteServedLog(new EngagementLogOptions { Provider = EngagementLogProvider.Sqlite, FilePath = _database.FilePath }, "served-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => _database.Dispose();
}

[Trait("Category", "Functional")]
[Trait("Area", "Training")]
public sealed class PostgresServedLogTests : ServedLogContractTests
{
    protected override IServedLog CreateLog() => new PostgresServedLog(
        new EngagementLogOptions { Provider = EngagementLogProvider.Postgres, ConnectionString = PostgresTestDatabase.GetConnectionStringOrSkip() },
        "served-" + Guid.NewGuid().ToString("N"));
}
