using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Recsys.Runtime.Configuration.Options;
using Recsys.Runtime.Membership;
using Recsys.Runtime.Membership.Postgres;
using Recsys.Runtime.Storage.Postgres;

namespace Recsys.Runtime.Hosting;

/// <summary>Chooses the membership table; without one a silo keeps an in-memory table of its own (a cluster of one).</summary>
public static class ClusteringSiloBuilderExtensions
{
    /// <summary>Silos sharing this PostgreSQL database and cluster id form one cluster.</summary>
    public static ISiloBuilder UsePostgresClustering(this ISiloBuilder builder, string connectionString)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        builder.Services.TryAddSingleton<NpgsqlDataSourceCache>();
        builder.Services.Replace(ServiceDescriptor.Singleton<IMembershipTable>(sp => new PostgresMembershipTable(
            new PostgresStorageOptions { ConnectionString = connectionString },
            sp.GetRequiredService<NpgsqlDataSourceCache>(),
            sp.GetRequiredService<IOptions<ClusterOptions>>(),
            sp.GetRequiredService<ILogger<PostgresMembershipTable>>())));
        return builder;
    }
}
