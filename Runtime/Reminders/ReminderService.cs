using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Recsys.Runtime.Configuration.Options;
using Recsys.Runtime.Logging;

namespace Recsys.Runtime.Reminders;

/// <summary>
/// The silo's reminder agent. The table is the source of truth; this silo keeps a local timer for each row whose
/// grain hash it owns on the membership ring, delivers each tick as an <see cref="IRemindable.ReceiveReminder"/>
/// call (which activates the grain wherever it lives), and re-reads the table every
/// <see cref="ReminderOptions.RefreshPeriod"/> and whenever membership changes, so a dead silo's reminders are
/// taken over by the silos that now own their range.
/// </summary>
internal sealed partial class ReminderService : IAsyncDisposable
{
    private readonly IReminderTable _table;
    private readonly IGrainFactory _grains;
    private readonly TimeProvider _time;
    private readonly ReminderOptions _options;
    private readonly ILogger _logger;
    private readonly Dictionary<(GrainId, string), LocalReminder> _local = new();
    private readonly object _lock = new();
    private ITimer? _refreshTimer;
    private bool _stopped;
    private Func<GrainId, bool> _ownedHere = _ => true;

    public ReminderService(IReminderTable table, IGrainFactory grains, TimeProvider time, IOptions<ReminderOptions> options, ILogger<ReminderService> logger)
    {
        _table = table;
        _grains = grains;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _table.InitializeAsync(cancellationToken);
        await RefreshAsync(cancellationToken);
        _refreshTimer = _time.CreateTimer(static self => _ = ((ReminderService)self!).RefreshSafelyAsync(), this, _options.RefreshPeriod, _options.RefreshPeriod);
    }

    /// <summary>Which grains' reminders this silo runs (set from the membership ring).</summary>
    public void SetOwnership(Func<GrainId, bool> ownedHere) => _ownedHere = ownedHere;

    /// <summary>Tells the silo that owns a reminder to re-read the table (set by the silo at start).</summary>
    public Func<GrainId, Task>? NotifyOwner { get; set; }

    public async Task<IGrainReminder> RegisterOrUpdateAsync(GrainId grainId, string name, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (period < _options.MinimumReminderPeriod)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period,
                $"A reminder period must be at least {_options.MinimumReminderPeriod} (ReminderOptions.MinimumReminderPeriod); use a grain timer for shorter ones.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
        var entry = new ReminderEntry(grainId, name, _time.GetUtcNow() + dueTime, period);
        var etag = await _table.UpsertRowAsync(entry);
        if (_ownedHere(grainId))
        {
            Schedule(entry with { ETag = etag });
        }
        else if (NotifyOwner is { } notify)
        {
            await notify(grainId);
        }

        return new GrainReminder(name, etag);
    }

    public async Task UnregisterAsync(GrainId grainId, string name)
    {
        var row = await _table.ReadRowAsync(grainId, name);
        if (row?.ETag is { } etag)
        {
            await _table.RemoveRowAsync(grainId, name, etag);
        }

        Cancel((grainId, name));
    }

    public async Task<IGrainReminder?> GetAsync(GrainId grainId, string name)
    {
        var row = await _table.ReadRowAsync(grainId, name);
        return row is null ? null : new GrainReminder(row.ReminderName, row.ETag ?? "");
    }

    public async Task<IReadOnlyList<IGrainReminder>> GetAllAsync(GrainId grainId)
    {
        var rows = await _table.ReadRowsAsync(grainId);
        return rows.Select(r => (IGrainReminder)new GrainReminder(r.ReminderName, r.ETag ?? "")).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        List<LocalReminder> local;
        lock (_lock)
        {
            _stopped = true;
            local = _local.Values.ToList();
            _local.Clear();
        }

        if (_refreshTimer is not null)
        {
            await _refreshTimer.DisposeAsync();
        }

        foreach (var reminder in local)
        {
            await reminder.Timer.DisposeAsync();
        }
    }

    /// <summary>Brings the local timers in line with the table: new rows scheduled, changed ones rescheduled, gone ones dropped.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        var rows = await _table.ReadRangeAsync(0, 0, cancellationToken);
        var seen = new HashSet<(GrainId, string)>();
        foreach (var row in rows.Where(r => _ownedHere(r.GrainId)))
        {
            seen.Add((row.GrainId, row.ReminderName));
            Schedule(row);
        }

        List<(GrainId, string)> gone;
        lock (_lock)
        {
            gone = _local.Keys.Where(k => !seen.Contains(k)).ToList();
        }

        foreach (var key in gone)
        {
            Cancel(key);
        }
    }

    public async Task RefreshSafelyAsync()
    {
        try
        {
            await RefreshAsync();
        }
        catch (Exception exception)
        {
            Log.RefreshFailed(_logger, exception);
        }
    }

    private void Schedule(ReminderEntry entry)
    {
        var key = (entry.GrainId, entry.ReminderName);
        lock (_lock)
        {
            if (_stopped)
            {
                return;
            }

            if (_local.TryGetValue(key, out var existing))
            {
                if (existing.Entry.ETag == entry.ETag)
                {
                    return;
                }

                existing.Timer.Dispose();
            }

            var local = new LocalReminder(this, entry);
            _local[key] = local;
            local.Start(DueIn(entry));
        }
    }

    private void Cancel((GrainId, string) key)
    {
        lock (_lock)
        {
            if (_local.Remove(key, out var existing))
            {
                existing.Timer.Dispose();
            }
        }
    }

    // Ticks fall on StartAt + k * Period; after a restart the next one is the first not yet past.
    private TimeSpan DueIn(ReminderEntry entry)
    {
        var now = _time.GetUtcNow();
        return entry.StartAt >= now ? entry.StartAt - now : NextTickAfter(entry, now) - now;
    }

    private static DateTimeOffset NextTickAfter(ReminderEntry entry, DateTimeOffset now)
    {
        if (entry.StartAt > now)
        {
            return entry.StartAt;
        }

        var periods = (now - entry.StartAt).Ticks / entry.Period.Ticks + 1;
        return entry.StartAt + TimeSpan.FromTicks(periods * entry.Period.Ticks);
    }

    // The next tick is armed before this one is delivered: ticks keep their fixed schedule however long a callback runs.
    private async Task TickAsync(LocalReminder reminder)
    {
        var entry = reminder.Entry;
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            if (!_stopped && _local.TryGetValue((entry.GrainId, entry.ReminderName), out var current) && current == reminder)
            {
                reminder.Start(NextTickAfter(entry, now) - now);
            }
        }

        try
        {
            await _grains.GetGrain<IRemindable>(entry.GrainId).ReceiveReminder(entry.ReminderName, new TickStatus(entry.StartAt, entry.Period, now));
        }
        catch (Exception exception)
        {
            Log.TickFailed(_logger, exception, entry.ReminderName, entry.GrainId);
        }
    }

    /// <summary>The local timer of one reminder row.</summary>
    private sealed class LocalReminder
    {
        private readonly ReminderService _service;

        public LocalReminder(ReminderService service, ReminderEntry entry)
        {
            _service = service;
            Entry = entry;
            Timer = service._time.CreateTimer(static self => _ = ((LocalReminder)self!).FireAsync(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        public ReminderEntry Entry { get; }

        public ITimer Timer { get; }

        public void Start(TimeSpan dueIn) => Timer.Change(dueIn, Timeout.InfiniteTimeSpan);

        private Task FireAsync() => _service.TickAsync(this);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = (int)RuntimeEventCode.ReminderTickFailed, Level = LogLevel.Warning, Message = "Reminder {ReminderName} of {GrainId} failed")]
        public static partial void TickFailed(ILogger logger, Exception exception, string reminderName, GrainId grainId);

        [LoggerMessage(EventId = (int)RuntimeEventCode.ReminderRefreshFailed, Level = LogLevel.Warning, Message = "Reading the reminder table failed; keeping the timers we have")]
        public static partial void RefreshFailed(ILogger logger, Exception exception);
    }
}
