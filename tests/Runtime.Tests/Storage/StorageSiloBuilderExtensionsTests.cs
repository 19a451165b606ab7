using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Recsys.Runtime.Configuration.Options;
using Recsys.Runtime.Hosting;
using Recsys.Runtime.Reminders;
using Recsys.Runtime.Reminders.Sqlite;
using Recsys.Runtime.Storage;
using Recsys.Runtime.Storage.Sqlite;
using Recsys.Runtime.Tests.Support;

namespace Recsys.Runtime.Tests.Storage;

[Trait("Category", "BVT")]
[Trait("Area", "Storage")]
public sealed class StorageSiloBuilderExtensionsTests
{
    [Fact]
    public void Memory_storage_is_a_keyed_singleton_per_name()
    {
        using var services = Build(b => b.AddMemoryGrainStorage().AddMemoryGrainStorage("other"));

        var byDefault = services.GetRequiredKeyedService<IGrainStorage>(StorageSiloBuilderExtensions.DefaultStorageName);

        Assert.IsType<MemoryGrainStorage>(byDefault);
        Assert.Same(byDefault, services.GetRequiredKeyedService<IGrainStorage>("Default"));
        Assert.NotSame(byDefault, services.GetRequiredKeyedService<IGrainStorage>("other"));
    }

    [Fact]
    public async Task Sqlite_storage_uses_its_named_options_and_the_cluster_service_id()
    {
        using var file = new TemporarySqliteFile();
        using var services = Build(b => b.AddSqliteGrainStorage("sqlite", o => o.FilePath = file.FilePath), "svc-a");
        var grain = GrainId.Create("test.grain", 1L);

        var storage = services.GetRequiredKeyedService<IGrainStorage>("sqlite");
        await storage.WriteAsync(grain, "state", "{}", null);

        Assert.IsType<SqliteGrainStorage>(storage);
        Assert.True(File.Exists(file.FilePath));
        var sameFileOtherService = new SqliteGrainStorage(
            "check",
            new SqliteStorageOptions { FilePath = file.FilePath },
            Microsoft.Extensions.Options.Options.Create(new ClusterOptions { ServiceId = "svc-b" }),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<SqliteGrainStorage>.Instance);
        Assert.Null(await sameFileOtherService.ReadAsync(grain, "state"));
    }

    [Fact]
    public void Invalid_provider_options_fail_validation()
    {
        using var services = Build(b => b
            .AddSqliteGrainStorage("neither", _ => { })
            .AddPostgresGrainStorage("empty", _ => { }));

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredKeyedService<IGrainStorage>("neither"));
        Assert.Throws<OptionsValidationException>(() => services.GetRequiredKeyedService<IGrainStorage>("empty"));
    }

    [Fact]
    public void The_last_reminder_table_registered_wins()
    {
        using var file = new TemporarySqliteFile();
        var collection = new ServiceCollection();
        var builder = new TestSiloBuilder(collection);

        builder.UseMemoryReminders().UseSqliteReminders(o => o.FilePath = file.FilePath);

        Assert.Single(collection, d => d.ServiceType == typeof(IReminderTable));
        collection.AddLogging();
        using var services = collection.BuildServiceProvider();
        Assert.IsType<SqliteReminderTable>(services.GetRequiredService<IReminderTable>());
    }

    [Fact]
    public void Memory_reminders_replace_an_earlier_database_table()
    {
        using var services = Build(b => b.UsePostgresReminders(o => o.ConnectionString = "Host=127.0.0.1").UseMemoryReminders());

        Assert.IsType<MemoryReminderTable>(services.GetRequiredService<IReminderTable>());
    }

    private static ServiceProvider Build(Action<ISiloBuilder> configure, string serviceId = ClusterOptions.DefaultServiceId)
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.Configure<ClusterOptions>(o => o.ServiceId = serviceId);
        configure(new TestSiloBuilder(collection));
        return collection.BuildServiceProvider();
    }

    private sealed class TestSiloBuilder(IServiceCollection services) : ISiloBuilder
    {
        public IServiceCollection Services { get; } = services;
    }
}
