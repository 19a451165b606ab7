using Recsys.Grains.Ingestion.Log;
using Recsys.Grains.Interfaces.Engagements;

namespace Recsys.Grains.BulkLoad;

/// <summary>
/// The bulk loader's event log: appends stay in memory with sequences after the target's last one, and are checked
/// for duplicate ids against the target as well (so a re-import logs nothing twice); replays read the target's rows
/// first, then the new ones. <see cref="Rows"/> and <see cref="Checkpoints"/> are what the loader writes back.
/// </summary>
public sealed class BulkEngagementLog(IEngagementLog target, BulkTarget database, string serviceId, long baseSequence) : IEngagementLog
{
    private readonly MemoryEngagementLog _memory = new();
    private readonly List<LoggedRow> _rows = [];
    private readonly Dictionary<(LogStream, long), long> _checkpoints = [];
    private readonly object _lock = new();

    public long BaseSequence { get; } = baseSequence;

    public IReadOnlyList<LoggedRow> Rows
    {
        get
        {
            lock (_lock)
            {
                return _rows.ToArray();
            }
        }
    }

    public IReadOnlyDictionary<(LogStream Stream, long Key), long> Checkpoints
    {
        get
        {
            lock (_lock)
            {
                return new Dictionary<(LogStream, long), long>(_checkpoints);
            }
        }
    }

    public async Task<long[]> AppendAsync(IReadOnlyList<PendingEngagement> events, DateTimeOffset acceptedAt, CancellationToken cancellationToken = default)
    {
        var known = await database.ExistingEventIdsAsync(serviceId, events.Select(e => e.Event.Id).ToArray(), cancellationToken);
        var fresh = events.Where(e => !known.Contains(e.Event.Id)).ToArray();
        var local = await _memory.AppendAsync(fresh, acceptedAt, cancellationToken);
        var byId = new Dictionary<string, long>(StringComparer.Ordinal);
        lock (_lock)
        {
            for (var i = 0; i < fresh.Length; i++)
            {
                if (local[i] > 0)
                {
                    var e = fresh[i].Event;
                    var sequence = BaseSequence + local[i];
                    byId[e.Id] = sequence;
                    _rows.Add(new LoggedRow(new LoggedEngagement(sequence, e.Id, e.UserId, e.Action, e.PostId, e.TargetUserId, fresh[i].SubjectId,
                        e.Time.ToUniversalTime(), e.Value), acceptedAt.UtcTicks));
                }
            }
        }

        return events.Select(e => byId.GetValueOrDefault(e.Event.Id)).ToArray();
    }

    public Task<IReadOnlyList<LoggedEngagement>> ReadAsync(LogStream stream, long key, long afterSequence, int max, CancellationToken cancellationToken = default) =>
        ReadBothAsync((log, after, take) => log.ReadAsync(stream, key, after, take, cancellationToken), afterSequence, max);

    public Task<IReadOnlyList<LoggedEngagement>> ReadAllAsync(long afterSequence, int max, CancellationToken cancellationToken = default) =>
        ReadBothAsync((log, after, take) => log.ReadAllAsync(after, take, cancellationToken), afterSequence, max);

    // The target database's rows below this load's first sequence, then the load's own.
    private async Task<IReadOnlyList<LoggedEngagement>> ReadBothAsync(
        Func<IEngagementLog, long, int, Task<IReadOnlyList<LoggedEngagement>>> read, long afterSequence, int max)
    {
        var rows = new List<LoggedEngagement>();
        if (afterSequence < BaseSequence)
        {
            rows.AddRange(await read(target, afterSequence, max));
        }

        if (rows.Count < max)
        {
            var local = await read(_memory, Math.Max(0, afterSequence - BaseSequence), max - rows.Count);
            rows.AddRange(local.Select(e => e with { Sequence = e.Sequence + BaseSequence }));
        }

        return rows;
    }

    public Task RecordCheckpointAsync(LogStream stream, long key, long appliedThrough, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _checkpoints[(stream, key)] = Math.Max(appliedThrough, _checkpoints.GetValueOrDefault((stream, key)));
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<GrainCheckpointLag>> FindLaggingAsync(DateTimeOffset acceptedBefore, int max, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The bulk loader does not prune; run prune-engagement-log on a silo.");

    public Task<int> PruneAsync(DateTimeOffset acceptedBefore, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The bulk loader does not prune; run prune-engagement-log on a silo.");
}

/// <summary>A logged event and when it was accepted (UTC ticks), as the log table stores it.</summary>
public sealed record LoggedRow(LoggedEngagement Event, long AcceptedTicks);
