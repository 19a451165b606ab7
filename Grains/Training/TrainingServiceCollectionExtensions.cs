using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Recsys.Grains.Hosting;
using Recsys.Grains.Ingestion.Log;
using Recsys.Grains.Timeline.SideEffects;
using Recsys.Grains.Training.ServedLog;
using Recsys.Runtime.Configuration.Options;
using Recsys.Runtime.Hosting;

namespace Recsys.Grains.Training;

/// <summary>
/// Registers learning from engagement (issue 10): the served-item log (where the engagement log is), its writer and
/// the side effect that feeds it, the "training" and "prune-served-log" jobs, and their options (sections
/// "ServedLog" and "Training", validated at start).
/// </summary>
public static class TrainingServiceCollectionExtensions
{
    public static IServiceCollection AddRecsysTraining(this IServiceCollection services)
    {
        services.AddOptions<ServedLogOptions>().BindConfiguration("ServedLog").ValidateOnStart();
        services.AddOptions<TrainingOptions>().BindConfiguration("Training").ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ServedLogOptions>, ServedLogOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TrainingOptions>, TrainingOptionsValidator>());
        services.TryAddSingleton(CreateLog);
        services.TryAddSingleton<ServedLogWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<ServedLogWriter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISideEffect, LogServedSideEffect>());
        services.TryAddSingleton<TrainingRun>();
        services.AddRecsysJob<TrainingJob>();
        services.AddRecsysJob<PruneServedLogJob>();
        return services;
    }

    /// <summary>Registers the daily training reminder when the silo starts (otherwise it is registered after the first run).</summary>
    public static SiloBuilder ScheduleDailyTraining(this SiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddDailyScheduleOnStartup("training", grains => grains.GetGrain<ITrainingScheduleGrain>(0).EnsureScheduled());
        return silo;
    }

    private static IServedLog CreateLog(IServiceProvider services)
    {
        var location = services.GetRequiredService<IOptions<EngagementLogOptions>>().Value;
        var serviceId = services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId;
        return location.Provider switch
        {
            EngagementLogProvider.Sqlite => new SqliteServedLog(location, serviceId),
            EngagementLogProvider.Postgres => new PostgresServedLog(location, serviceId),
            _ => new MemoryServedLog(),
        };
    }
}
