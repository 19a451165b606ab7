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

        await using var connection = await file.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA cache_size";

        Assert.Equal(-5 * 1024L, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public void A_page_cache_outside_the_range_is_refused_for_sqlite()
    {
        var validator = new EngagementLogOptionsValidator();

        Assert.True(validator.Validate(null, new EngagementLogOptions { Provider = EngagementLogProvider.Sqlite, FilePath = _database.FilePath }).Succeeded);
        Assert.True(validator.Validate(null, new EngagementLogOptions { Provider = EngagementLogProvider.Sqlite, FilePath = _database.FilePath, PageCacheMebibytes = 0 }).Failed);
        Assert.True(validator.Validate(null, new EngagementLogOptions { Provider = EngagementLogProvider.Sqlite, FilePath = _database.FilePath, PageCacheMebibytes = 1 << 20 }).Failed);
    }

    public void Dispose() => _database.Dispose();
}
