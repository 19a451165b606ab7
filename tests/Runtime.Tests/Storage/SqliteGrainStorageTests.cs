using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Recsys.Runtime.Configuration.Options;
using Recsys.Runtime.Storage;
using Recsys.Runtime.Storage.Sqlite;
using Recsys.Runtime.Tests.Support;

namespace Recsys.Runtime.Tests.Storage;

[Trait("Category", "BVT")]
[Trait("Area", "Storage")]
public sealed class SqliteGrainStorageTests : GrainStorageContractTests, IDisposable
{
    private readonly TemporarySqliteFile _file = new();

    [SkippableFact]
    public async Task Data_survives_a_new_provider_instance_on_the_same_file()
    {
        var grain = NewGrain();
        var eTag = await CreateStorage(ServiceId).WriteAsync(grain, "state", """{"kept":true}""", null);
        SqliteConnection.ClearAllPools();

        var record = await CreateStorage(ServiceId).ReadAsync(grain, "state");

        Assert.Equal(eTag, record!.ETag);
        AssertJsonEqual("""{"kept":true}""", record.Json);
    }

    [SkippableFact]
    public async Task The_database_file_is_in_wal_mode()
    {
        await CreateStorage(ServiceId).ReadAsync(NewGrain(), "state");

        await using var connection = new SqliteConnection($"Data Source={_file.FilePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    public void Dispose() => _file.Dispose();

    protected override IGrainStorage CreateStorage(string serviceId) =>
        new SqliteGrainStorage(
            "test",
            new SqliteStorageOptions { FilePath = _file.FilePath },
            Microsoft.Extensions.Options.Options.Create(new ClusterOptions { ServiceId = serviceId }),
            NullLogger<SqliteGrainStorage>.Instance);
}
