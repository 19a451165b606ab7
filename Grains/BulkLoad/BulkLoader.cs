using Recsys.Grains.Import;
using Recsys.Grains.Ingestion.Log;

namespace Recsys.Grains.BulkLoad;

/// <summary>
/// Loads an import plan (or any list of <see cref="BulkStep"/>s) into a database without a running silo and without
/// a durable commit per call: a private in-process silo runs the very grain code of the API path
/// (<see cref="ImportRunner"/>, one batch at a time) on storage captured in memory, and every
/// <see cref="BulkLoadOptions.ItemsPerTransaction"/> items the silo stops (every grain deactivates and checkpoints)
/// and the changed states, the new log rows and the checkpoints are written in one transaction; the next chunk's
/// silo reads them back. So the result is the state an API load with the same clock produces (tests compare them),
/// and memory holds one chunk's grains, not the whole load's. Fan-out is skipped (inboxes are never stored).
/// <para>
/// The rule: bulk load into a database no silo is using (stop the silos first, or load a fresh one). A silo
/// writing the same rows meanwhile makes the chunk being written fail (<see cref="BulkLoadConflictException"/>)
/// with nothing of it written; chunks committed before stay. A silo that only holds the rows in memory would keep
/// serving its stale copy until it deactivates them.
/// </para>
/// </summary>
public sealed class BulkLoader(BulkTarget target, BulkLoadOptions options)
{
    public async Task<BulkLoadResult> LoadAsync(ImportPlan plan, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options.Validate();
        var runner = new ImportRunnerOptions { Parallelism = options.Parallelism, ConcurrentBatches = 1 };
        var steps = new ImportPlanSteps(plan, options.ItemsPerTransaction, runner, progress);
        var totals = await LoadAsync(steps.Steps, progress: null, cancellationToken);
        return new BulkLoadResult(steps.Result(), totals);
    }

    /// <summary>Runs the steps in order, committing whenever a transaction's items are reached and after the last.</summary>
    public async Task<BulkLoadTotals> LoadAsync(IReadOnlyList<BulkStep> steps, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options.Validate();
        var targetLog = target.CreateLog(options.ServiceId);
        await targetLog.ReadAsync(LogStream.User, 0, 0, 1, cancellationToken); // applies the domain schema if the database is new
        var stageTotals = steps.GroupBy(s => s.Stage).ToDictionary(g => g.Key, g => g.Sum(s => s.Items));
        var stageDone = new Dictionary<string, long>();
        var totals = new BulkLoadTotals(0, 0, 0, 0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
        BulkChunk? chunk = null;
        try
        {
            foreach (var step in steps)
            {
                cancellationToken.ThrowIfCancellationRequested();
                chunk ??= await BulkChunk.StartAsync(target, targetLog, options, cancellationToken);
                await chunk.RunAsync(step);
                stageDone[step.Stage] = stageDone.GetValueOrDefault(step.Stage) + step.Items;
                progress?.Report(new ImportProgress(step.Stage, stageDone[step.Stage], stageTotals[step.Stage]));
                if (chunk.Items >= options.ItemsPerTransaction)
                {
                    totals = totals.Add(await chunk.CommitAsync(cancellationToken));
                    await chunk.DisposeAsync();
                    chunk = null;

                    // The chunk's grains and captured states are garbage now: a full collection before the next
                    // chunk grows the heap keeps the process at one chunk's size instead of letting it double first.
                    GC.Collect();
                }
            }

            if (chunk is not null)
            {
                totals = totals.Add(await chunk.CommitAsync(cancellationToken));
            }
        }
        finally
        {
            if (chunk is not null)
            {
                await chunk.DisposeAsync();
            }
        }

        return totals;
    }
}
