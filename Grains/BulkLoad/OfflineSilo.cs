using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Recsys.Grains.Hosting;
using Recsys.Grains.Ingestion.Log;
using Recsys.Grains.Models;
using Recsys.Runtime.Configuration.Options;
using Recsys.Runtime.Hosting;
using Recsys.Runtime.Storage;

namespace Recsys.Grains.BulkLoad;

/// <summary>
/// The bulk loader's private silo: the domain grains on loopback with no gateway, default storage captured in
/// memory (read through to the target), the bulk event log, memory reminders, no registry polling, and fan-out
/// skipped (<see cref="SkipFanoutFilter"/>). Nothing reaches it from outside, and its grains touch the database
/// only to read.
/// </summary>
internal static class OfflineSilo
{
    public static WebApplication Build(BulkTarget target, BulkEngagementLog log, BulkLoadOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = options.ShutdownTimeout);
        builder.Services.AddRecsysSilo(silo =>
        {
            silo.Configure<EndpointOptions>(e => (e.SiloPort, e.GatewayPort) = (FreePort(), 0));
            silo.Configure<ClusterOptions>(c => c.ServiceId = options.ServiceId);
            silo.UseTimeProvider(options.Time);
            target.AddTargetStorage(silo);
            silo.Services.AddKeyedSingleton<IGrainStorage>(StorageSiloBuilderExtensions.DefaultStorageName, (sp, _) =>
                new CapturingGrainStorage(sp.GetRequiredKeyedService<IGrainStorage>(BulkTarget.TargetStorageName)));
            silo.UseMemoryReminders();
            silo.AddIncomingGrainCallFilter<SkipFanoutFilter>();
            silo.AddRecsysDomain();
            silo.Configure<ModelOptions>(o => o.Poll = false);
            silo.Services.Replace(ServiceDescriptor.Singleton<IEngagementLog>(log));
        });
        return builder.Build();
    }

    /// <summary>The silo's captured storage (created on first use, so a silo that ran nothing has captured nothing).</summary>
    public static CapturingGrainStorage Captured(WebApplication silo) =>
        (CapturingGrainStorage)silo.Services.GetRequiredKeyedService<IGrainStorage>(StorageSiloBuilderExtensions.DefaultStorageName);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
