using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Recsys.Grains.Hosting;
using Recsys.Grains.Interfaces.Reputation;
using Recsys.Runtime.Hosting;

namespace Recsys.Grains.Reputation.Cluster;

/// <summary>Registers tweepcred: its options and validators, the graph store (User grains), and the "tweepcred" job.</summary>
public static class TweepcredServiceCollectionExtensions
{
    public static IServiceCollection AddRecsysTweepcred(this IServiceCollection services)
    {
        services.AddOptions<TweepcredOptions>().ValidateOnStart();
        services.AddOptions<TweepcredJobOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TweepcredOptions>, TweepcredOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TweepcredJobOptions>, TweepcredJobOptionsValidator>());
        services.TryAddSingleton<ITweepcredGraphStore, UserGrainGraphStore>();
        services.AddRecsysJob<TweepcredJob>();
        return services;
    }

    /// <summary>Registers the daily reminder when the silo starts (otherwise it is registered after the first run).</summary>
    public static SiloBuilder ScheduleDailyTweepcred(this SiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddDailyScheduleOnStartup("tweepcred", grains => grains.GetGrain<ITweepcredCoordinatorGrain>(0).EnsureScheduled());
        return silo;
    }

    /// <summary>Feeds the partitions from a bulk snapshot instead of the User grains (scores stay in the snapshot).</summary>
    public static SiloBuilder UseTweepcredSnapshot(this SiloBuilder silo, TweepcredSnapshotStore snapshot)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.Replace(ServiceDescriptor.Singleton<ITweepcredGraphStore>(snapshot));
        return silo;
    }
}
