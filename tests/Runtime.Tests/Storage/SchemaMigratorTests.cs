using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Recsys.Runtime.Configuration.Options;
using Recsys.Runtime.Storage.Postgres;
using Recsys.Runtime.Storage.Schema;
using Recsys.Runtime.Storage.Sqlite;
using Recsys.Runtime.Tests.Support;

namespace Recsys.Runtime.Tests.Storage;

[Trait("Category", "BVT")]
[Trait("Area", "Storage")]
public sealed class SchemaMigratorTests
{
    [Fact]
    public void Both_dialects_embed_the_same_numbered_scripts_in_order()
    {
        var postgres = EmbeddedSchemaScripts.For("postgresql").Select(s => s.Name).ToList();
        var sqlite = EmbeddedSchemaScripts.For("sqlite").Select(s => s.Name).ToList();

        Assert.Contains("001_grain_storage.sql", postgres);
        Assert.Contains("002_reminders.sql", postgres);

        // membership exists only where a cluster runs: PostgreSQL; the log's replay bound only where a silo keeps the
        // log's tails in memory instead of indexes keyed by grain: SQLite
        Assert.Equal(postgres.Where(n => n != "003_membership.sql"), sqlite.Where(n => n != "013_engagement_log_tail.sql"));
        Assert.Contains("013_engagement_log_tail.sql", sqlite);
        Assert.Equal(postgres.OrderBy(n => n, StringComparer.Ordinal), postgres);
    }

    [Fact]
    public async Task Sqlite_migration_applies_every_script_once_even_when_run_concurrently()
    {
        using var file = new TemporarySqliteFile();
        var options = new SqliteStorageOptions { FilePath = file.FilePath };
        SchemaMigrator NewMigrator() => new(new SqliteSchemaDialect(new SqliteConnectionFactory(options)), NullLogger.Instance);

        var runs = await Task.WhenAll(NewMigrator().MigrateAsync(), NewMigrator().MigrateAsync());
        var again = await NewMigrator().MigrateAsync();

        var expected = EmbeddedSchemaScripts.For("sqlite").Select(s => s.Name);
        Assert.Equal(expected, runs.SelectMany(applied => applied).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Empty(again);
    }

    [SkippableFact]
    public async Task Postgres_migration_run_twice_concurrently_applies_every_script_once()
    {
        // A schema of its own makes the database look brand new, so the CREATE statements really race.
        var connectionString = PostgresTestDatabase.GetConnectionStringOrSkip();
        var schema = "migrate_" + Guid.NewGuid().ToString("N");
        await using var admin = NpgsqlDataSource.Create(connectionString);
        await using (var create = admin.CreateCommand($"CREATE SCHEMA {schema}"))
        {
            await create.ExecuteNonQueryAsync();
        }

        try
        {
            var scoped = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema, Pooling = false }.ConnectionString;
            await using var first = NpgsqlDataSource.Create(scoped);
            await using var second = NpgsqlDataSource.Create(scoped);

            var runs = await Task.WhenAll(
                new SchemaMigrator(new PostgresSchemaDialect(first), NullLogger.Instance).MigrateAsync(),
                new SchemaMigrator(new PostgresSchemaDialect(second), NullLogger.Instance).MigrateAsync());
            var again = await new SchemaMigrator(new PostgresSchemaDialect(first), NullLogger.Instance).MigrateAsync();

            var expected = EmbeddedSchemaScripts.For("postgresql").Select(s => s.Name);
            Assert.Equal(expected, runs.SelectMany(applied => applied).OrderBy(n => n, StringComparer.Ordinal));
            Assert.Empty(again);
            await using var count = first.CreateCommand($"SELECT count(*) FROM {SchemaMigrator.VersionTable}");
            Assert.Equal((long)expected.Count(), (long)(await count.ExecuteScalarAsync())!);
        }
        finally
        {
            await using var drop = admin.CreateCommand($"DROP SCHEMA {schema} CASCADE");
            await drop.ExecuteNonQueryAsync();
        }
    }
}
