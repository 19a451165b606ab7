using Recsys.Runtime.Configuration.Options;
using Recsys.Runtime.Storage.Sqlite;
using Recsys.Runtime.Tests.Support;

namespace Recsys.Runtime.Tests.Storage;

[Trait("Category", "BVT")]
[Trait("Area", "Storage")]
public sealed class SqlitePageCacheTests : IDisposable
{
    private readonly TemporarySqliteFile _file = new();

    [Fact]
    public async Task Connections_get_the_configured_page_cache()
    {
        var factory = new SqliteConnectionFactory(new SqliteStorageOptions { FilePath = _file.FilePath, PageCacheMebibytes = 3 });

        Assert.Equal(-3 * 1024L, await PragmaAsync(factory, "cache_size"));
    }

    [Fact]
    public async Task Connections_get_the_configured_wal_checkpoint_threshold()
    {
        var factory = new SqliteConnectionFactory(new SqliteStorageOptions { FilePath = _file.FilePath, WalAutocheckpointPages = 777 });

        Assert.Equal(777L, await PragmaAsync(factory, "wal_autocheckpoint"));
    }

    [Fact]
    public void A_wal_checkpoint_threshold_outside_the_range_is_refused()
    {
        var validator = new SqliteStorageOptionsValidator();

        Assert.Equal(16_384, new SqliteStorageOptions().WalAutocheckpointPages);
        Assert.True(validator.Validate("s", new SqliteStorageOptions { FilePath = _file.FilePath, WalAutocheckpointPages = 0 }).Failed);
        Assert.True(validator.Validate("s", new SqliteStorageOptions
        {
            FilePath = _file.FilePath,
            WalAutocheckpointPages = SqliteStorageOptions.MaxWalAutocheckpointPages + 1,
        }).Failed);
    }

    [Fact]
    public void The_default_page_cache_is_valid_and_sizes_outside_the_range_are_refused()
    {
        var validator = new SqliteStorageOptionsValidator();

        Assert.True(validator.Validate("s", new SqliteStorageOptions { FilePath = _file.FilePath }).Succeeded);
        Assert.True(validator.Validate("s", new SqliteStorageOptions { FilePath = _file.FilePath, PageCacheMebibytes = 0 }).Failed);
        Assert.True(validator.Validate("s", new SqliteStorageOptions
        {
            FilePath = _file.FilePath,
            PageCacheMebibytes = SqliteStorageOptions.MaxPageCacheMebibytes + 1,
        }).Failed);
    }

    [Fact]
    public void The_pragma_value_is_a_size_in_kibibytes()
    {
        Assert.Equal(-65_536L, SqlitePragmas.CacheSize(64));
        Assert.Throws<ArgumentOutOfRangeException>(() => SqlitePragmas.CacheSize(0));
    }

    public void Dispose() => _file.Dispose();

    private static async Task<long> PragmaAsync(SqliteConnectionFactory factory, string pragma)
    {
        await using var connection = await factory.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA " + pragma;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
