using Recsys.Runtime.Hosting;
using Recsys.Runtime.Testing;
using Recsys.Runtime.Tests.Grains;
using Recsys.Runtime.Tests.Support;

namespace Recsys.Runtime.Tests;

/// <summary>State and reminders written before a restart are there after it, on the durable providers.</summary>
[Trait("Category", "Functional")]
[Trait("Area", "Persistence")]
public sealed class RestartTests
{
    [Fact]
    public async Task StateAndRemindersSurviveARestartOnSqlite()
    {
        using var file = new TemporarySqliteFile();
        await StateAndRemindersSurviveARestart(silo =>
        {
            silo.AddSqliteGrainStorage("Default", o => o.FilePath = file.FilePath);
            silo.UseSqliteReminders(o => o.FilePath = file.FilePath);
        });
    }

    [SkippableFact]
    public async Task StateAndRemindersSurviveARestartOnPostgres()
    {
        var connectionString = PostgresTestDatabase.GetConnectionStringOrSkip();
        var serviceId = "restart-" + OneSilo.UniqueKey();
        await StateAndRemindersSurviveARestart(silo =>
        {
            silo.Configure<Configuration.Options.ClusterOptions>(o => o.ServiceId = serviceId);
            silo.AddPostgresGrainStorage("Default", o => o.ConnectionString = connectionString);
            silo.UsePostgresReminders(o => o.ConnectionString = connectionString);
        });
    }

    private static async Task StateAndRemindersSurviveARestart(Action<SiloBuilder> storage)
    {
        var time = new ManualTimeProvider();
        var key = OneSilo.UniqueKey();
        await using var cluster = await OneSilo.StartAsync(time, storage);
        await cluster.GrainFactory.GetGrain<IProfileGrain>(key).SetName("durable");
        await cluster.GrainFactory.GetGrain<IReminderTestGrain>(key).Register("nightly", TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(2));

        await cluster.RestartSiloAsync();

        var profile = await cluster.GrainFactory.GetGrain<IProfileGrain>(key).Get();
        Assert.Equal("durable", profile.Name);
        Assert.Equal(1, profile.Writes);
        time.Advance(TimeSpan.FromMinutes(2));
        await Probe.WhenSignalled($"reminder:{key}:nightly:1");
    }
}
