using Recsys.Grains.Ingestion.Log;
using Recsys.Grains.Tests.Support;

namespace Recsys.Grains.Tests.Ingestion;

[Trait("Category", "BVT")]
[Trait("Area", "Ingestion")]
public sealed class SqliteDomainFileTests : IDisposable
{
    private readonly TemporaryDatabase _database = new();

    [Fact]
    public async Task Connections_get_the_configured_page_cache()
    {
        var file = new SqliteDomainFile(new EngagementLogOptions { Provider = EngagementLogProvider.Sqlite, FilePath = _database.FilePath, PageCacheMebibytes = 5 });

        Assert.Equal(-5 * 1024L, await PragmaAsync(file, "cache_size"));
    }

    [Fact]
    public async Task Connections_get_the_configured_wal_checkpoint_threshold()
    {
        var file = new SqliteDomainFile(new EngagementLogOptions { Provider = EngagementLogProvider.Sqlite, FilePath = _database.FilePath, WalAutocheckpointPages = 555 });

        Assert.Equal(555L, await PragmaAsync(file, "wal_autocheckpoint"));
    }

    [Fact]
    public async Task The_log_has_no_accepted_time_index_and_pruning_reads_old_rows_along_the_primary_key()
    {
        var file = new SqliteDomainFile(new EngagementLogOptions { Provider = EngagementLogProvider.Sqlite, FilePath = _database.FilePath });
        await using var connection = await file.OpenAsync(CancellationToken.None);

        await using (var indexes = connection.CreateCommand())
        {
            indexes.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'ix_recsys_engagement_log_accepted'";
            Assert.Equal(0L, (long)(await indexes.ExecuteScalarAsync())!);
        }

        // Every step over the log is the rowid range (or the rowid-ordered scan for the bound), never an index
        // starting with service_id, which would read every row of the service.
        foreach (var sql in new[] { EngagementLogPruning.PruneSql, EngagementLogPruning.FindLaggingSql })
        {
            await using var plan = connection.CreateCommand();
            plan.CommandText = "EXPLAIN QUERY PLAN " + sql;
            plan.Parameters.AddWithValue("@service", "s");
            plan.Parameters.AddWithValue("@before", 0L);
            plan.Parameters.AddWithValue("@max", 10L);
            var steps = new List<string>();
            await using (var reader = await plan.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    steps.Add(reader.GetString(3));
                }
            }

            var onLog = steps.Where(s => s.Contains(" l ", StringComparison.Ordinal) || s.EndsWith(" l", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(onLog);
            Assert.All(onLog, s => Assert.Contains("INTEGER PRIMARY KEY", s, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_page_cache_outside_the_range_is_refused_for_sqlite()
    {
        var validator = new EngagementLogOptionsValidator();

        Assert.True(validator.Validate(null, new EngagementLogOptions { Provider = EngagementLogProvider.Sqlite, FilePath = _database.FilePath }).Succeeded);
        Assert.True(validator.Validate(null, new EngagementLogOptions { Provider = EngagementLogProvider.Sqlite, FilePath = _database.FilePath, PageCacheMebibytes = 0 }).Failed);
        Assert.True(validator.Validate(null, new EngagementLogOptions { Provider = EngagementLogProvider.Sqlite, FilePath = _database.FilePath, PageCacheMebibytes = 1 << 20 }).Failed);
        Assert.True(validator.Validate(null, new EngagementLogOptions { Provider = EngagementLogProvider.Sqlite, FilePath = _database.FilePath, WalAutocheckpointPages = 0 }).Failed);
    }

    public void Dispose() => _database.Dispose();

    private static async Task<long> PragmaAsync(SqliteDomainFile file, string pragma)
    {
        await using var connection = await file.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA " + pragma;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
