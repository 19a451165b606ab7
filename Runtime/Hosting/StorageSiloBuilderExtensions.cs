using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Recsys.Runtime.Configuration.Options;
using Recsys.Runtime.Reminders;
using Recsys.Runtime.Reminders.Postgres;
using Recsys.Runtime.Reminders.Sqlite;
using Recsys.Runtime.Storage;
using Recsys.Runtime.Storage.Postgres;
using Recsys.Runtime.Storage.Sqlite;
using Recsys.Runtime.Testing;

namespace Recsys.Runtime.Hosting;

/// <summary>
/// Registers grain storage providers (keyed <see cref="IGrainStorage"/> singletons, one per name) and the
/// reminder table (a single <see cref="IReminderTable"/>; the last Use* call wins).
/// </summary>
public static class StorageSiloBuilderExtensions
{
    /// <summary>The provider name used when none is given, and the one grains get by default.</summary>
    public const string DefaultStorageName = "Default";

    /// <summary>The options name under which the reminder table's SQLite/PostgreSQL options are kept.</summary>
    public const string ReminderOptionsName = "Reminders";

    /// <summary>Adds an in-memory grain storage provider (lost on exit; for development and tests).</summary>
    public static ISiloBuilder AddMemoryGrainStorage(this ISiloBuilder builder, string name = DefaultStorageName)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        builder.Services.AddOptions();
        // Silos of one in-process test cluster share rows through a store the cluster registers.
        builder.Services.AddKeyedSingleton<IGrainStorage>(name, static (sp, key) => new MemoryGrainStorage(
            sp.GetRequiredService<IOptions<ClusterOptions>>(),
            sp.GetRequiredService<ILogger<MemoryGrainStorage>>(),
            sp.GetService<SharedMemoryStores>()?.StorageFor((string)key!) ?? new MemoryGrainStorage.Store()));
        return builder;
    }

    /// <summary>Adds a grain storage provider backed by a SQLite file.</summary>
    public static ISiloBuilder AddSqliteGrainStorage(this ISiloBuilder builder, string name, Action<SqliteStorageOptions> configure)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(configure);
        AddSqliteOptions(builder.Services, name, configure);
        builder.Services.AddKeyedSingleton<IGrainStorage>(name, (sp, _) => new SqliteGrainStorage(
            name,
            sp.GetRequiredService<IOptionsMonitor<SqliteStorageOptions>>().Get(name),
            sp.GetRequiredService<IOptions<ClusterOptions>>(),
            sp.GetRequiredService<ILogger<SqliteGrainStorage>>()));
        return builder;
    }

    /// <summary>Adds a grain storage provider backed by PostgreSQL.</summary>
    public static ISiloBuilder AddPostgresGrainStorage(this ISiloBuilder builder, string name, Action<PostgresStorageOptions> configure)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(configure);
        AddPostgresOptions(builder.Services, name, configure);
        builder.Services.AddKeyedSingleton<IGrainStorage>(name, (sp, _) => new PostgresGrainStorage(
            name,
            sp.GetRequiredService<IOptionsMonitor<PostgresStorageOptions>>().Get(name),
            sp.GetRequiredService<NpgsqlDataSourceCache>(),
            sp.GetRequiredService<IOptions<ClusterOptions>>(),
            sp.GetRequiredService<ILogger<PostgresGrainStorage>>()));
        return builder;
    }

    /// <summary>Keeps reminders in memory (lost on exit; for development and tests).</summary>
    public static ISiloBuilder UseMemoryReminders(this ISiloBuilder builder)
    {
        builder.Services.AddOptions();
        ReplaceReminderTable(builder.Services, static sp => new MemoryReminderTable(
            sp.GetRequiredService<IOptions<ClusterOptions>>(),
            sp.GetService<SharedMemoryStores>()?.Reminders ?? new MemoryReminderTable.Store()));
        return builder;
    }

    /// <summary>Keeps reminders in a SQLite file.</summary>
    public static ISiloBuilder UseSqliteReminders(this ISiloBuilder builder, Action<SqliteStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        AddSqliteOptions(builder.Services, ReminderOptionsName, configure);
        ReplaceReminderTable(builder.Services, static sp => new SqliteReminderTable(
            sp.GetRequiredService<IOptionsMonitor<SqliteStorageOptions>>().Get(ReminderOptionsName),
            sp.GetRequiredService<IOptions<ClusterOptions>>(),
            sp.GetRequiredService<ILogger<SqliteReminderTable>>()));
        return builder;
    }

    /// <summary>Keeps reminders in PostgreSQL.</summary>
    public static ISiloBuilder UsePostgresReminders(this ISiloBuilder builder, Action<PostgresStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        AddPostgresOptions(builder.Services, ReminderOptionsName, configure);
        ReplaceReminderTable(builder.Services, static sp => new PostgresReminderTable(
            sp.GetRequiredService<IOptionsMonitor<PostgresStorageOptions>>().Get(ReminderOptionsName),
            sp.GetRequiredService<NpgsqlDataSourceCache>(),
            sp.GetRequiredService<IOptions<ClusterOptions>>(),
            sp.GetRequiredService<ILogger<PostgresReminderTable>>()));
        return builder;
    }

    private static void AddSqliteOptions(IServiceCollection services, string name, Action<SqliteStorageOptions> configure)
    {
        services.AddOptions<SqliteStorageOptions>(name).Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteStorageOptions>, SqliteStorageOptionsValidator>());
    }

    private static void AddPostgresOptions(IServiceCollection services, string name, Action<PostgresStorageOptions> configure)
    {
        services.AddOptions<PostgresStorageOptions>(name).Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgresStorageOptions>, PostgresStorageOptionsValidator>());
        services.TryAddSingleton<NpgsqlDataSourceCache>();
    }

    private static void ReplaceReminderTable(IServiceCollection services, Func<IServiceProvider, IReminderTable> factory)
    {
        services.RemoveAll<IReminderTable>();
        services.AddSingleton(factory);
    }
}
