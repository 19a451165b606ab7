using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Recsys.Grains.Admin.Jobs;
using Recsys.Grains.Aggregates;
using Recsys.Grains.Fanout;
using Recsys.Grains.Ingestion;
using Recsys.Grains.Ingestion.Log;
using Recsys.Grains.Models;
using Recsys.Grains.Posts;
using Recsys.Grains.RealGraph;
using Recsys.Grains.Reputation.Cluster;
using Recsys.Grains.Sample;
using Recsys.Grains.SimClusters;
using Recsys.Grains.Timeline;
using Recsys.Grains.Training;
using Recsys.Grains.Users;
using Recsys.Runtime;
using Recsys.Runtime.Configuration.Options;
using Recsys.Runtime.Hosting;

namespace Recsys.Grains.Hosting;

/// <summary>
/// The domain's composition root: its grains, typed options with validators, the engagement log, ingestion
/// services and jobs. Everything is added with TryAdd, so a host or a test may replace any of it first.
/// </summary>
public static class DomainSiloBuilderExtensions
{
    public static SiloBuilder AddRecsysDomain(this SiloBuilder silo)
    {
        silo.AddGrainAssembly(GrainsAssembly.Assembly);
        var services = silo.Services;
        AddOptions<AggregateOptions, AggregateOptionsValidator>(services);
        AddOptions<FanoutOptions, FanoutOptionsValidator>(services);
        AddOptions<IngestionOptions, IngestionOptionsValidator>(services);
        AddOptions<UserOptions, UserOptionsValidator>(services);
        AddOptions<PostOptions, PostOptionsValidator>(services);
        AddOptions<SampleOptions, SampleOptionsValidator>(services);
        AddOptions<EngagementLogOptions, EngagementLogOptionsValidator>(services);
        AddOptions<SimClustersOptions, SimClustersOptionsValidator>(services);

        services.TryAddSingleton<AggregateSpecs>();
        services.TryAddSingleton<EntityDirectory>();
        services.TryAddSingleton<IIngestionHooks, NoIngestionHooks>();
        services.TryAddSingleton<CheckpointScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<CheckpointScheduler>()); // stops before the silo: no calls while grains deactivate
        services.TryAddSingleton<SampleLoader>();
        services.TryAddSingleton<IEngagementLog>(CreateLog);
        services.TryAddSingleton<InterestedInCache>();
        services.AddRecsysJob<LoadSampleJob>();
        services.AddRecsysJob<PruneEngagementLogJob>();
        services.AddRecsysTweepcred(); // issue 7: options, graph store, the "tweepcred" job
        services.AddRecsysJob<SimClustersJob>();
        services.AddRecsysModels(); // issue 6: model files, registry poller; RealGraph; the admin grain's catalog
        services.AddRecsysRealGraph();
        services.AddRecsysTimeline(); // issue 9: the For You pipeline and its params
        services.AddRecsysTraining(); // issue 10: the served-item log and the training job
        services.TryAddSingleton(new Admin.GrainStateCatalog([GrainsAssembly.Assembly]));
        return silo;
    }

    /// <summary>Keeps the engagement log in a SQLite file (normally the silo's database file).</summary>
    public static SiloBuilder UseSqliteEngagementLog(this SiloBuilder silo, string filePath) =>
        silo.Configure<EngagementLogOptions>(o => (o.Provider, o.FilePath) = (EngagementLogProvider.Sqlite, filePath));

    /// <summary>Keeps the engagement log in PostgreSQL (cluster mode).</summary>
    public static SiloBuilder UsePostgresEngagementLog(this SiloBuilder silo, string connectionString) =>
        silo.Configure<EngagementLogOptions>(o => (o.Provider, o.ConnectionString) = (EngagementLogProvider.Postgres, connectionString));

    /// <summary>Keeps the engagement log in memory; pass one instance to share it across restarts or silos in a test.</summary>
    public static SiloBuilder UseMemoryEngagementLog(this SiloBuilder silo, MemoryEngagementLog? shared = null)
    {
        silo.Configure<EngagementLogOptions>(o => o.Provider = EngagementLogProvider.Memory);
        if (shared is not null)
        {
            silo.Services.Replace(ServiceDescriptor.Singleton<IEngagementLog>(shared));
        }

        return silo;
    }

    /// <summary>Registers a job with the job registry (POST /api/admin/jobs/{name}).</summary>
    public static IServiceCollection AddRecsysJob<TJob>(this IServiceCollection services)
        where TJob : class, IJob
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IJob, TJob>());
        return services;
    }

    /// <summary>Registers a job's daily reminder when the silo starts (<see cref="DailyScheduleOnStartup"/>).</summary>
    public static IServiceCollection AddDailyScheduleOnStartup(this IServiceCollection services, string job, Func<IGrainFactory, Task> ensureScheduled)
    {
        services.AddSingleton<IHostedService>(provider => new DailyScheduleOnStartup(
            job, ensureScheduled, provider.GetRequiredService<IGrainFactory>(), provider.GetRequiredService<ILogger<DailyScheduleOnStartup>>()));
        return services;
    }

    private static void AddOptions<TOptions, TValidator>(IServiceCollection services)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
    }

    private static IEngagementLog CreateLog(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<EngagementLogOptions>>().Value;
        var serviceId = services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId;
        return options.Provider switch
        {
            EngagementLogProvider.Sqlite => new SqliteEngagementLog(options, serviceId),
            EngagementLogProvider.Postgres => new PostgresEngagementLog(options, serviceId),
            _ => new MemoryEngagementLog(),
        };
    }
}
