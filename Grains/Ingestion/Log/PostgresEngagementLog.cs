using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using Recsys.Grains.Ingestion.Log.Schema;
using Recsys.Grains.Interfaces.Engagements;

namespace Recsys.Grains.Ingestion.Log;

/// <summary>
/// The event log in PostgreSQL (cluster mode). A batch is one transaction: a transaction-scoped advisory lock makes
/// appends commit in sequence order across silos (identity values are handed out before commit, so without it a
/// later sequence could become visible before an earlier one), then one INSERT ... SELECT FROM unnest(arrays).
/// </summary>
public sealed class PostgresEngagementLog : SqlEngagementLog, IAsyncDisposable
{
    // "Recsys" in ASCII followed by 0x0010: the engagement log's append lock (0x...0001 is the schema lock).
    private const long AppendLockKey = 0x5265637379730010;

    // The runtime's schema lock, so domain and runtime migrations never run side by side.
    private const long SchemaLockKey = 0x5265637379730001;

    private const string Insert =
        "INSERT INTO recsys_engagement_log (service_id, event_id, user_id, action, post_id, target_user_id, subject_id, event_ticks, value, accepted_ticks) " +
        "SELECT @service, e.id, e.usr, e.act, e.post, e.target, e.subject, e.ticks, e.val, @accepted " +
        "FROM unnest(@ids, @users, @actions, @posts, @targets, @subjects, @times, @values) WITH ORDINALITY " +
        "AS e(id, usr, act, post, target, subject, ticks, val, ord) ORDER BY e.ord " +
        "ON CONFLICT (service_id, event_id) DO NOTHING RETURNING event_id, seq";

    private const string CreateVersionTable =
        "CREATE TABLE IF NOT EXISTS " + DomainSchemaMigrator.VersionTable + " (script_name varchar(256) NOT NULL PRIMARY KEY, " +
        "applied_on timestamptz NOT NULL DEFAULT now())";

    private readonly NpgsqlDataSource _dataSource;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _schemaReady;

    public PostgresEngagementLog(EngagementLogOptions options, string serviceId)
        : base(serviceId)
    {
        _dataSource = NpgsqlDataSource.Create(options.ConnectionString!);
    }

    public override async Task<long[]> AppendAsync(IReadOnlyList<PendingEngagement> events, DateTimeOffset acceptedAt, CancellationToken cancellationToken = default)
    {
        await using var connection = (NpgsqlConnection)await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockAsync(connection, transaction, AppendLockKey, cancellationToken);
        await using var command = new NpgsqlCommand(Insert, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string>("service", ServiceId));
        command.Parameters.Add(new NpgsqlParameter<long>("accepted", acceptedAt.UtcTicks));
        command.Parameters.Add(new NpgsqlParameter<string[]>("ids", events.Select(p => p.Event.Id).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<long[]>("users", events.Select(p => p.Event.UserId).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("actions", events.Select(p => p.Event.Action.Name()).ToArray()));
        command.Parameters.Add(Nullable("posts", events.Select(p => p.Event.PostId)));
        command.Parameters.Add(Nullable("targets", events.Select(p => p.Event.TargetUserId)));
        command.Parameters.Add(Nullable("subjects", events.Select(p => p.SubjectId)));
        command.Parameters.Add(new NpgsqlParameter<long[]>("times", events.Select(p => p.Event.Time.UtcTicks).ToArray()));
        command.Parameters.Add(new NpgsqlParameter("values", NpgsqlDbType.Array | NpgsqlDbType.Double) { Value = events.Select(p => p.Event.Value).ToArray() });

        var byId = new Dictionary<string, long>(events.Count, StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                byId[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        // An id repeated within the batch was inserted once (rows go in order): its first occurrence has the sequence.
        var sequences = new long[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            sequences[i] = byId.Remove(events[i].Event.Id, out var seq) ? seq : 0;
        }

        return sequences;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        if (!_schemaReady)
        {
            try
            {
                await EnsureSchemaAsync(connection, cancellationToken);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }

        return connection;
    }

    private async Task EnsureSchemaAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await _schemaGate.WaitAsync(cancellationToken);
        try
        {
            if (!_schemaReady)
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await LockAsync(connection, transaction, SchemaLockKey, cancellationToken);
                await DomainSchemaMigrator.MigrateAsync(connection, transaction, "postgresql", CreateVersionTable, cancellationToken);
                _schemaReady = true;
            }
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    private static async Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<long>("key", key));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlParameter Nullable(string name, IEnumerable<long?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = values.ToArray() };
}
