using System.Data.Common;
using Microsoft.Data.Sqlite;
using Recsys.Grains.Ingestion.Log;

namespace Recsys.Grains.Training.ServedLog;

/// <summary>
/// The served-item log in the silo's SQLite file, beside the engagement log (same location options). A batch is one
/// write of prepared single-row inserts through the file's write queue, sharing its group commit with the engagement log
/// and grain state.
/// </summary>
public sealed class SqliteServedLog : SqlServedLog
{
    private const string Insert =
        "INSERT INTO recsys_served_log (service_id, " + Columns + ") VALUES " +
        "(@service, @viewer, @post, @author, @served, @position, @source, @in_network, @heavy, @light, @features)";

    private readonly SqliteDomainFile _file;

    public SqliteServedLog(EngagementLogOptions location, string serviceId)
        : base(serviceId) => _file = new SqliteDomainFile(location);

    public override Task AppendAsync(IReadOnlyList<ServedItem> items, CancellationToken cancellationToken = default) =>
        _file.WriteAsync(connection => InsertAsync(connection, items, cancellationToken), cancellationToken);

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await _file.OpenAsync(cancellationToken);

    private async Task<int> InsertAsync(SqliteConnection connection, IReadOnlyList<ServedItem> items, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Insert;
        command.Parameters.AddWithValue("service", ServiceId);
        var parameters = new[] { "viewer", "post", "author", "served", "position", "source", "in_network", "heavy", "light", "features" }
            .Select(n => command.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
        foreach (var item in items)
        {
            parameters[0].Value = item.ViewerId;
            parameters[1].Value = item.PostId;
            parameters[2].Value = item.AuthorId;
            parameters[3].Value = item.ServedAt.UtcTicks;
            parameters[4].Value = item.Position;
            parameters[5].Value = item.Source;
            parameters[6].Value = item.InNetwork ? 1 : 0;
            parameters[7].Value = item.HeavyRankerVersion;
            parameters[8].Value = item.LightRankerVersion;
            parameters[9].Value = FeatureBytes.Encode(item.Features);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return items.Count;
    }
}
