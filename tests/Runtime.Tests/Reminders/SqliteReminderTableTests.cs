using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Recsys.Runtime.Configuration.Options;
using Recsys.Runtime.Reminders;
using Recsys.Runtime.Reminders.Sqlite;
using Recsys.Runtime.Tests.Support;

namespace Recsys.Runtime.Tests.Reminders;

[Trait("Category", "BVT")]
[Trait("Area", "Reminders")]
public sealed class SqliteReminderTableTests : ReminderTableContractTests, IDisposable
{
    private readonly TemporarySqliteFile _file = new();

    [SkippableFact]
    public async Task Rows_survive_a_new_table_instance_on_the_same_file()
    {
        var grain = NewGrain();
        var eTag = await CreateTable(ServiceId).UpsertRowAsync(new ReminderEntry(grain, "tick", DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(1)));
        SqliteConnection.ClearAllPools();

        var row = await CreateTable(ServiceId).ReadRowAsync(grain, "tick");

        Assert.Equal(eTag, row!.ETag);
    }

    public void Dispose() => _file.Dispose();

    protected override IReminderTable CreateTable(string serviceId) =>
        new SqliteReminderTable(
            new SqliteStorageOptions { FilePath = _file.FilePath },
            Microsoft.Extensions.Options.Options.Create(new ClusterOptions { ServiceId = serviceId }),
            NullLogger<SqliteReminderTable>.Instance);
}
