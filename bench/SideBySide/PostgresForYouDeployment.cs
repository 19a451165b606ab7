using Npgsql;

namespace Recsys.Bench.SideBySide;

/// <summary>
/// How the PostgreSQL version is deployed for the run: a pool as large as the callers, auto-prepared statements,
/// and the server settings an OLTP deployment with its data in memory would use.
/// </summary>
public static class PostgresForYouDeployment
{
    /// <summary>
    /// Settings changed with ALTER SYSTEM and a reload (no restart, so shared_buffers stays at its 128 MB default;
    /// the OS page cache holds the rest): JIT off (compiling a few-millisecond OLTP query costs more than it saves),
    /// random_page_cost 1.1 and effective_cache_size 8 GB (the data is in memory), work_mem 32 MB (the social
    /// source's aggregation and the sorts stay in memory).
    /// </summary>
    public static readonly (string Name, string Value)[] Settings =
        [("jit", "off"), ("random_page_cost", "1.1"), ("effective_cache_size", "8GB"), ("work_mem", "32MB")];

    public static NpgsqlDataSource CreateDataSource(string connectionString, int callers)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.MaxPoolSize = Math.Max(builder.ConnectionStringBuilder.MaxPoolSize, callers + 2);
        builder.ConnectionStringBuilder.MaxAutoPrepare = 8;
        builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        builder.ConnectionStringBuilder.CommandTimeout = 300;
        return builder.Build();
    }

    public static async Task TuneAsync(NpgsqlDataSource db)
    {
        foreach (var (name, value) in Settings)
        {
            await using var set = db.CreateCommand($"ALTER SYSTEM SET {name} = '{value}'");
            await set.ExecuteNonQueryAsync();
        }

        await using var reload = db.CreateCommand("SELECT pg_reload_conf()");
        await reload.ExecuteScalarAsync();
        await using var version = db.CreateCommand("SHOW server_version");
        Console.WriteLine($"side-by-side: PostgreSQL {await version.ExecuteScalarAsync()}; "
            + string.Join(", ", Settings.Select(s => $"{s.Name} = {s.Value}")));
    }

    /// <summary>Whether the pooled sessions' prepared For You statement ran generic plans or was planned per call (summed over the sessions the pool hands out).</summary>
    public static async Task<string> PlanCacheAsync(NpgsqlDataSource db, int sessions)
    {
        var connections = new List<NpgsqlConnection>();
        long generic = 0, custom = 0;
        try
        {
            for (var i = 0; i < sessions; i++)
            {
                var connection = await db.OpenConnectionAsync();
                connections.Add(connection);
                await using var command = new NpgsqlCommand(
                    "SELECT coalesce(sum(generic_plans), 0)::bigint, coalesce(sum(custom_plans), 0)::bigint FROM pg_prepared_statements WHERE statement LIKE '%author_rank%'", connection);
                await using var reader = await command.ExecuteReaderAsync();
                await reader.ReadAsync();
                (generic, custom) = (generic + reader.GetInt64(0), custom + reader.GetInt64(1));
            }
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }

        return $"{generic:N0} executions with the generic plan, {custom:N0} planned per call";
    }

    public static async Task<long> SizeMiBAsync(NpgsqlDataSource db)
    {
        await using var size = db.CreateCommand("SELECT pg_database_size(current_database()) / 1048576");
        return Convert.ToInt64(await size.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
