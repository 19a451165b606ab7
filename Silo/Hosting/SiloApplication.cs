using Recsys.Grains;
using Recsys.Grains.Admin;
using Recsys.Grains.Hosting;
using Recsys.Grains.Reputation.Cluster;
using Recsys.Grains.Training;
using Recsys.Runtime.Configuration.Options;
using Recsys.Runtime.Hosting;
using Recsys.Silo.Api;

namespace Recsys.Silo.Hosting;

/// <summary>
/// Builds the silo process: one silo on SQLite under the data directory (grain state, reminders and the engagement
/// log in one file), the domain grains, the HTTP API and, unless turned off, the sample data. Program.cs runs it;
/// tests start it on port 0.
/// </summary>
public static class SiloApplication
{
    public static WebApplication Build(SiloHostOptions options, Action<WebApplicationBuilder>? customize = null)
    {
        Directory.CreateDirectory(Path.GetFullPath(options.DataDirectory));
        var builder = WebApplication.CreateSlimBuilder();
        var http = new HttpEndpoints();
        builder.WebHost.ConfigureKestrel(kestrel => http.Bind(kestrel, options.Urls));
        builder.Services.AddSingleton(http);
        builder.Services.AddSingleton(options);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.ConfigureHttpJsonOptions(ApiJson.Configure);
        builder.Services.AddSingleton(new GrainStateCatalog([GrainsAssembly.Assembly]));
        // Recsys:Membership:ProbeTimeout and friends may come from configuration (env Recsys__Membership__ProbeTimeout).
        builder.Services.Configure<ClusterMembershipOptions>(builder.Configuration.GetSection("Recsys:Membership"));
        builder.Services.Configure<RebalancingOptions>(builder.Configuration.GetSection("Recsys:Rebalancing"));
        builder.Services.Configure<SchedulingOptions>(builder.Configuration.GetSection("Recsys:Scheduling"));
        builder.Services.AddRecsysSilo(silo =>
        {
            silo.Configure<EndpointOptions>(e =>
            {
                e.SiloPort = options.SiloPort;
                e.GatewayPort = options.GatewayPort;
            });
            silo.Configure<ClusterOptions>(c =>
            {
                c.ClusterId = options.ClusterId;
                c.ClusterKey = options.ClusterKey;
            });
            silo.AddRecsysDomain();
            silo.ScheduleDailyTweepcred(); // issue 7: the daily tweepcred reminder, registered at start
            silo.ScheduleDailyTraining(); // issue 10: the daily training reminder
            if (options.ClusterConnectionString is { } cluster)
            {
                silo.UsePostgresClustering(cluster);
                silo.AddPostgresGrainStorage("Default", o => o.ConnectionString = cluster);
                silo.UsePostgresReminders(o => o.ConnectionString = cluster);
                silo.UsePostgresEngagementLog(cluster);
            }
            else
            {
                silo.AddSqliteGrainStorage("Default", o => o.FilePath = options.DatabasePath);
                silo.UseSqliteReminders(o => o.FilePath = options.DatabasePath);
                silo.UseSqliteEngagementLog(options.DatabasePath);
            }
        });
        builder.Services.AddHostedService<SampleOnStartup>();
        customize?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.MapHealth();
        app.MapCluster();
        app.MapUsers();
        app.MapForYou();
        app.MapPosts();
        app.MapEngagements();
        app.MapAdminGrains();
        app.MapJobs();
        return app;
    }
}
