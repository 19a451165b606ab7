using Microsoft.Extensions.Logging.Abstractions;
using Recsys.Runtime.Configuration.Options;
using Recsys.Runtime.Storage;
using Recsys.Runtime.Storage.Postgres;
using Recsys.Runtime.Tests.Support;

namespace Recsys.Runtime.Tests.Storage;

[Trait("Category", "BVT")]
[Trait("Area", "Storage")]
public sealed class PostgresGrainStorageTests : GrainStorageContractTests
{
    // One pool per connection string for the whole test run, as in a silo.
    private static readonly NpgsqlDataSourceCache DataSources = new();

    protected override IGrainStorage CreateStorage(string serviceId) =>
        new PostgresGrainStorage(
            "test",
            new PostgresStorageOptions { ConnectionString = PostgresTestDatabase.GetConnectionStringOrSkip() },
            DataSources,
            Microsoft.Extensions.Options.Options.Create(new ClusterOptions { ServiceId = serviceId }),
            NullLogger<PostgresGrainStorage>.Instance);
}
