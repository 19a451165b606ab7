using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Recsys.Grains.Ingestion.Log;
using Recsys.Grains.Interfaces.Engagements;
using Recsys.Runtime;
using Recsys.Runtime.Catalog;

namespace Recsys.Grains.Ingestion;

/// <summary>
/// A grain that applies logged engagements exactly once: live deliveries are deduplicated by sequence through its
/// <see cref="ReplayCursor"/>; on activation it replays the log after its checkpoint; it checkpoints (catch up with
/// the log, then write state) every N events, after an interval when it has unsaved events (the silo's
/// <see cref="CheckpointScheduler"/> calls <see cref="CheckpointDue"/>), and on deactivation.
/// A crash loses only what the log still holds, so nothing is lost and nothing counts twice.
/// </summary>
public abstract partial class EngagementApplyingGrain : Grain, ICheckpointingGrain
{
    private CheckpointTicket? _checkpointTicket;
    private IEngagementLog? _log;
    private IngestionOptions? _options;
    private CheckpointScheduler? _scheduler;
    private int _sinceCheckpoint;

    protected abstract LogStream Stream { get; }

    protected abstract ReplayCursor Cursor { get; }

    /// <summary>Whether the entity exists; a grain for an unknown id replays nothing.</summary>
    protected abstract bool IsCreated { get; }

    // Resolved once per activation: every delivered event reads them (issue 6).
    protected IEngagementLog Log => _log ??= ServiceProvider.GetRequiredService<IEngagementLog>();

    protected IngestionOptions IngestionOptions => _options ??= ServiceProvider.GetRequiredService<IOptions<IngestionOptions>>().Value;

    private CheckpointScheduler Scheduler => _scheduler ??= ServiceProvider.GetRequiredService<CheckpointScheduler>();

    /// <summary>
    /// Applies one event to the grain's state (not yet written). Calls that may fail come before any change, so a failure
    /// leaves nothing half-applied and the event can be applied again later.
    /// </summary>
    protected abstract ValueTask ApplyAsync(LoggedEngagement engagement);

    /// <summary>Writes the state (it carries the cursor).</summary>
    protected abstract Task WriteStateAsync();

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (HasUnsaved)
        {
            await TryCheckpointAsync();
        }

        _checkpointTicket?.Cancel(); // a failed one is not retried by this activation: the log keeps its events
        _checkpointTicket = null;
    }

    /// <summary>The scheduler's call once the interval passed: checkpoints what is unsaved (nothing if a checkpoint came first).</summary>
    public Task CheckpointDue() => HasUnsaved ? TryCheckpointAsync() : Task.CompletedTask;

    private bool HasUnsaved => _sinceCheckpoint > 0 || Cursor.PendingCount > 0;

    /// <summary>Call from OnActivateAsync: applies what the log holds beyond the checkpoint.</summary>
    protected async Task ReplayAsync()
    {
        if (!IsCreated)
        {
            return;
        }

        var replayed = await EngagementReplay.CatchUpAsync(Log, Stream, GrainId.GetIntegerKey(), Cursor, IngestionOptions.ReplayPageSize, ApplyAsync);
        if (replayed > 0)
        {
            LogMessages.Replayed(Logger, GrainId, replayed, Cursor.AppliedThrough);
            MarkDirty(replayed);
        }
    }

    protected async Task ApplyLiveAsync(IReadOnlyList<LoggedEngagement> events)
    {
        var applied = 0;
        var key = GrainId.GetIntegerKey();
        for (var i = 0; i < events.Count; i++) // by index: foreach over the interface boxes an enumerator per delivery
        {
            var engagement = events[i];

            // Marked only once applied: an event whose application throws stays unapplied, and the next catch-up retries it.
            if (!Cursor.IsApplied(engagement.Sequence))
            {
                await ApplyAsync(engagement);
                Cursor.TryMark(engagement.Sequence, PredecessorOf(engagement, key));
                applied++;
            }
        }

        if (applied > 0)
        {
            MarkDirty(applied);
            if (_sinceCheckpoint >= IngestionOptions.CheckpointEveryEvents)
            {
                await TryCheckpointAsync(); // a failed checkpoint must not fail the delivery: the events are applied and logged
            }
        }
    }

    // This grain's event logged before the delivered one: the tails list a user under the event as its actor or as its subject.
    private long PredecessorOf(LoggedEngagement engagement, long key) => Stream == LogStream.Post ? engagement.Predecessors.Post
        : engagement.UserId == key ? engagement.Predecessors.User
        : engagement.SubjectId == key ? engagement.Predecessors.Subject
        : GrainPredecessors.Unknown;

    /// <summary>Catches up with the log, writes the state, then records the checkpoint in the log (best effort).</summary>
    protected async Task CheckpointAsync()
    {
        if (!IsCreated)
        {
            return; // nothing can be logged for an entity that does not exist
        }

        await EngagementReplay.CatchUpAsync(Log, Stream, GrainId.GetIntegerKey(), Cursor, IngestionOptions.ReplayPageSize, ApplyAsync);
        await WriteStateAsync();
        _sinceCheckpoint = 0;
        _checkpointTicket?.Cancel();
        _checkpointTicket = null;
        try
        {
            await Log.RecordCheckpointAsync(Stream, GrainId.GetIntegerKey(), Cursor.AppliedThrough);
        }
        catch (Exception exception)
        {
            LogMessages.CheckpointRecordFailed(Logger, exception, GrainId);
        }
    }

    // A dirty grain holds a ticket until a checkpoint succeeds (then it is cancelled).
    private void MarkDirty(int applied)
    {
        _sinceCheckpoint += applied;
        _checkpointTicket ??= Scheduler.Schedule(GrainId);
    }

    private async Task TryCheckpointAsync()
    {
        try
        {
            await CheckpointAsync();
        }
        catch (Exception exception)
        {
            LogMessages.CheckpointFailed(Logger, exception, GrainId);

            // Retried an interval later: the ticket held may be the one the scheduler just served.
            _checkpointTicket?.Cancel();
            _checkpointTicket = Scheduler.Schedule(GrainId);
        }
    }

    private ILogger Logger => ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(GetType());
}
