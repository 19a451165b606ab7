using System.Net;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Recsys.Runtime.Catalog;
using Recsys.Runtime.Configuration.Options;
using Recsys.Runtime.GrainDirectory;
using Recsys.Runtime.Membership;
using Recsys.Runtime.Messaging;
using Recsys.Runtime.Metrics;
using Recsys.Runtime.Placement;
using Recsys.Runtime.Reminders;
using Recsys.Runtime.Serialization;
using Recsys.Runtime.Storage;

namespace Recsys.Runtime.Hosting;

/// <summary>The silo's composition root: every runtime service, registered with TryAdd so a host may replace it.</summary>
public static class SiloServiceCollectionExtensions
{
    public static IServiceCollection AddRecsysSilo(this IServiceCollection services, Action<SiloBuilder> configure)
    {
        var builder = new SiloBuilder(services);
        AddDefaults(services);
        configure(builder);
        return services;
    }

    private static void AddDefaults(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddOptions<ClusterOptions>();
        services.AddOptions<MessagingOptions>().ValidateOnStart();
        services.AddOptions<SchedulingOptions>();
        services.AddOptions<GrainCollectionOptions>().ValidateOnStart();
        services.AddOptions<ReminderOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MessagingOptions>, MessagingOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GrainCollectionOptions>, GrainCollectionOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReminderOptions>, ReminderOptionsValidator>());

        services.AddOptions<EndpointOptions>().ValidateOnStart();
        services.AddOptions<ClusterMembershipOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EndpointOptions>, EndpointOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClusterMembershipOptions>, ClusterMembershipOptionsValidator>());
        services.TryAddSingleton(sp =>
        {
            var endpoints = sp.GetRequiredService<IOptions<EndpointOptions>>().Value;
            var address = new SiloAddress(new IPEndPoint(endpoints.AdvertisedAddress, endpoints.SiloPort), SiloAddress.NewGeneration(sp.GetRequiredService<TimeProvider>()));
            return new LocalSiloDetails(address, $"silo-{endpoints.SiloPort}", endpoints.GatewayPort > 0 ? endpoints.GatewayPort : null);
        });
        services.TryAddSingleton<IMembershipTable, InMemoryMembershipTable>();
        services.TryAddSingleton<MembershipAgent>();
        services.TryAddSingleton<SiloHealthMonitor>();
        services.TryAddSingleton<ActivationRebalancer>();
        services.AddOptions<RebalancingOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RebalancingOptions>, RebalancingOptionsValidator>());
        services.TryAddSingleton<IClusterMembership>(sp => sp.GetRequiredService<MembershipAgent>());
        services.TryAddSingleton<ConnectionAuthenticator>();
        services.TryAddSingleton<MessageCodec>();
        services.TryAddSingleton<SiloMessageCenter>();
        services.TryAddSingleton<GrainLocator>();
        services.TryAddSingleton<MessageRouter>();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<EndpointOptions>>((kestrel, endpoints) =>
        {
            var e = endpoints.Value;
            kestrel.Listen(e.AdvertisedAddress, e.SiloPort, listen => listen.UseConnectionHandler<SiloConnectionHandler>());
            if (e.GatewayPort > 0)
            {
                kestrel.Listen(e.AdvertisedAddress, e.GatewayPort, listen => listen.UseConnectionHandler<GatewayConnectionHandler>());
            }
        });

        services.TryAddSingleton<GrainClassRegistry>();
        services.TryAddSingleton<IGrainTypeResolver>(sp => sp.GetRequiredService<GrainClassRegistry>());
        services.TryAddSingleton<Catalog.Catalog>();
        services.TryAddSingleton<IGrainCallInvoker>(sp => sp.GetRequiredService<MessageRouter>());
        services.TryAddSingleton<IGrainFactory>(sp => new GrainFactory(sp.GetRequiredService<IGrainCallInvoker>(), sp.GetRequiredService<IGrainTypeResolver>()));
        services.TryAddSingleton(sp => new GrainCallMetrics(sp.GetRequiredService<TimeProvider>(), () => sp.GetRequiredService<GrainClassRegistry>().Classes));
        services.AddSingleton<JsonConverter>(sp => new GrainReferenceJsonConverter(() => sp.GetRequiredService<IGrainFactory>()));
        services.TryAddSingleton(sp => new GrainStateJson(sp.GetServices<JsonConverter>(), sp.GetServices<System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver>()));
        services.TryAddSingleton<InFlightWatchList>();
        services.TryAddSingleton<ActivationServices>();
        services.TryAddSingleton<ResponseTimeoutSweeper>();
        services.TryAddSingleton<IdleActivationCollector>();
        services.TryAddSingleton(sp => new ReminderService(
            sp.GetService<IReminderTable>() ?? throw new InvalidOperationException("No reminder table is configured on this silo (UseSqliteReminders, UsePostgresReminders or UseMemoryReminders)."),
            sp.GetRequiredService<IGrainFactory>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<ReminderOptions>>(), sp.GetRequiredService<ILogger<ReminderService>>()));
        services.TryAddSingleton<Silo>();
        services.TryAddSingleton<ISiloControl>(sp => sp.GetRequiredService<Silo>());
        services.AddHostedService(sp => sp.GetRequiredService<Silo>());
    }
}
