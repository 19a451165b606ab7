using Microsoft.Extensions.Logging.Abstractions;
using Recsys.Runtime.Configuration.Options;
using Recsys.Runtime.Reminders;
using Recsys.Runtime.Reminders.Postgres;
using Recsys.Runtime.Storage.Postgres;
using Recsys.Runtime.Tests.Support;

namespace Recsys.Runtime.Tests.Reminders;

[Trait("Category", "BVT")]
[Trait("Area", "Reminders")]
public sealed class PostgresReminderTableTests : ReminderTableContractTests
{
    // One pool per connection string for the whole test run, as in a silo.
    private static readonly NpgsqlDataSourceCache DataSources = new();

    protected override IReminderTable CreateTable(string serviceId) =>
        new PostgresReminderTable(
            new PostgresStorageOptions { ConnectionString = PostgresTestDatabase.GetConnectionStringOrSkip() },
            DataSources,
            Microsoft.Extensions.Options.Options.Create(new ClusterOptions { ServiceId = serviceId }),
            NullLogger<PostgresReminderTable>.Instance);
}
