namespace Recsys.Runtime.Configuration.Options;

/// <summary>
/// Where a PostgreSQL grain storage provider or reminder table keeps its data. Providers with the same
/// connection string share one NpgsqlDataSource (one connection pool).
/// </summary>
public sealed class PostgresStorageOptions
{
    /// <summary>The default value for <see cref="ConnectionString"/>: none, it must be set.</summary>
    public const string DefaultConnectionString = "";

    /// <summary>An Npgsql connection string, e.g. "Host=127.0.0.1;Username=postgres;Database=recsys". Required.</summary>
    public string ConnectionString { get; set; } = DefaultConnectionString;
}
