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
/// memory (read through to the target), the bulk event log, memory reminders, and no registry polling. Nothing
/// reaches it from outside, and its grains touch the database only to read.
/// </summary>
internal static class OfflineSilo
{
    public static WebApplication Build(BulkTarget target, BulkEngagementLog log, BulkLoadOptions options, Action<CapturingGrainStorage> captured)
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
            {
                var storage = new CapturingGrainStorage(sp.GetRequiredKeyedService<IGrainStorage>(BulkTarget.TargetStorageName));
                captured(storage);
                return storage;
            });
            silo.UseMemoryReminders();
            silo.AddRecsysDomain();
            silo.Configure<ModelOptions>(o => o.Poll = false);
            silo.Services.Replace(ServiceDescriptor.Singleton<IEngagementLog>(log));
        });
        return builder.Build();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
