using System.Data.Common;
using Microsoft.Data.Sqlite;
using Recsys.Grains.Interfaces.Engagements;
using Recsys.Runtime.Storage.Sqlite;

namespace Recsys.Grains.Ingestion.Log;

/// <summary>
/// The event log in a SQLite file (WAL), usually the silo's own database beside grain state. One writer at a time
/// (the file's <see cref="SqliteWriteQueue"/>), so sequences commit in order; a batch is in one transaction, shared
/// with the other writes queued meanwhile (<see cref="SqliteLogAppend"/>: one prepared row statement).
/// </summary>
public sealed class SqliteEngagementLog : SqlEngagementLog
{
    private readonly SqliteDomainFile _file;

    public SqliteEngagementLog(EngagementLogOptions options, string serviceId)
        : base(serviceId) => _file = new SqliteDomainFile(options);

    public override Task<long[]> AppendAsync(IReadOnlyList<PendingEngagement> events, DateTimeOffset acceptedAt, CancellationToken cancellationToken = default) =>
        _file.WriteAsync(connection => SqliteLogAppend.AppendAsync(connection, ServiceId, events, acceptedAt.UtcTicks, cancellationToken), cancellationToken);

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await _file.OpenAsync(cancellationToken);

    // The batch shares its transaction with whatever else is queued for the file (group commit), each in its own savepoint.
    protected override Task<T> RunWriteAsync<T>(Func<DbConnection, Task<T>> write, CancellationToken cancellationToken) =>
        _file.WriteAsync(connection => write(connection), cancellationToken);
}
