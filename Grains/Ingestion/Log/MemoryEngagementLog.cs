using Recsys.Grains.Interfaces.Engagements;

namespace Recsys.Grains.Ingestion.Log;

/// <summary>
/// The event log in memory, for tests and benchmarks; same contract as the SQL logs. One lock makes appends
/// atomic and in sequence order. Pass one instance to several silos (or restarts) to share it.
/// </summary>
public sealed class MemoryEngagementLog : IEngagementLog
{
    private readonly object _lock = new();
    private readonly Dictionary<long, (LoggedEngagement Event, long AcceptedTicks)> _rows = [];
    private readonly Dictionary<string, long> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<(LogStream, long), List<long>> _byGrain = [];
    private readonly Dictionary<(LogStream, long), long> _checkpoints = [];
    private long _lastSequence;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _rows.Count;
            }
        }
    }

    public Task<long[]> AppendAsync(IReadOnlyList<PendingEngagement> events, DateTimeOffset acceptedAt, CancellationToken cancellationToken = default)
    {
        var sequences = new long[events.Count];
        lock (_lock)
        {
            for (var i = 0; i < events.Count; i++)
            {
                var (e, subject) = (events[i].Event, events[i].SubjectId);
                if (_ids.ContainsKey(e.Id))
                {
                    continue;
                }

                var sequence = ++_lastSequence;
                _ids[e.Id] = sequence;
                _rows[sequence] = (new LoggedEngagement(sequence, e.Id, e.UserId, e.Action, e.PostId, e.TargetUserId, subject, e.Time.ToUniversalTime(), e.Value), acceptedAt.UtcTicks);
                foreach (var grain in GrainsOf(_rows[sequence].Event))
                {
                    (_byGrain.TryGetValue(grain, out var list) ? list : _byGrain[grain] = []).Add(sequence);
                }

                sequences[i] = sequence;
            }
        }

        return Task.FromResult(sequences);
    }

    public Task<IReadOnlyList<LoggedEngagement>> ReadAsync(LogStream stream, long key, long afterSequence, int max, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<LoggedEngagement> rows = _byGrain.TryGetValue((stream, key), out var list)
                ? list.Where(s => s > afterSequence).Take(max).Select(s => _rows[s].Event).ToArray()
                : [];
            return Task.FromResult(rows);
        }
    }

    public Task<IReadOnlyList<LoggedEngagement>> ReadAllAsync(long afterSequence, int max, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<LoggedEngagement> rows = _rows.Keys.Where(s => s > afterSequence).Order().Take(max).Select(s => _rows[s].Event).ToArray();
            return Task.FromResult(rows);
        }
    }

    public Task RecordCheckpointAsync(LogStream stream, long key, long appliedThrough, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _checkpoints[(stream, key)] = Math.Max(appliedThrough, _checkpoints.GetValueOrDefault((stream, key)));
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<GrainCheckpointLag>> FindLaggingAsync(DateTimeOffset acceptedBefore, int max, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<GrainCheckpointLag> lagging = OldRows(acceptedBefore)
                .SelectMany(row => GrainsOf(row).Where(g => !Covers(g, row.Sequence)))
                .Distinct().Take(max).Select(g => new GrainCheckpointLag(g.Item1, g.Item2)).ToArray();
            return Task.FromResult(lagging);
        }
    }

    public Task<int> PruneAsync(DateTimeOffset acceptedBefore, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var doomed = OldRows(acceptedBefore).Where(row => GrainsOf(row).All(g => Covers(g, row.Sequence))).ToArray();
            foreach (var row in doomed)
            {
                _rows.Remove(row.Sequence);
                _ids.Remove(row.EventId);
                foreach (var grain in GrainsOf(row))
                {
                    _byGrain[grain].Remove(row.Sequence);
                }
            }

            return Task.FromResult(doomed.Length);
        }
    }

    private IEnumerable<LoggedEngagement> OldRows(DateTimeOffset acceptedBefore) =>
        _rows.Values.Where(r => r.AcceptedTicks < acceptedBefore.UtcTicks).Select(r => r.Event).OrderBy(e => e.Sequence).ToArray();

    private bool Covers((LogStream, long) grain, long sequence) => _checkpoints.GetValueOrDefault(grain) >= sequence;

    private static IEnumerable<(LogStream, long)> GrainsOf(LoggedEngagement e)
    {
        yield return (LogStream.User, e.UserId);
        if (e.SubjectId is { } subject && subject != e.UserId)
        {
            yield return (LogStream.User, subject);
        }

        if (e.PostId is { } post)
        {
            yield return (LogStream.Post, post);
        }
    }
}
