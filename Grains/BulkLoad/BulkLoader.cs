using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Recsys.Grains.Import;
using Recsys.Grains.Ingestion.Log;
using Recsys.Runtime;

namespace Recsys.Grains.BulkLoad;

/// <summary>
/// Loads an import plan into a database without a running silo and without a durable commit per call: a private
/// in-process silo runs the very grain code of the API path (<see cref="ImportRunner"/>, one batch at a time) on
/// storage captured in memory, stops (every grain deactivates and checkpoints), and then every changed state, the
/// new log rows and the checkpoints are written in one transaction. So the result is the state an API load with
/// the same clock produces (tests compare them), at the cost of holding the touched grains in memory.
/// <para>
/// The rule: bulk load into a database no silo is using (stop the silos first, or load a fresh one). A silo
/// writing the same rows meanwhile makes the load fail (<see cref="BulkLoadConflictException"/>) with nothing
/// written; a silo that only holds them in memory would keep serving its stale copy until it deactivates them.
/// </para>
/// </summary>
public sealed class BulkLoader(BulkTarget target, BulkLoadOptions options)
{
    public async Task<BulkLoadResult> LoadAsync(ImportPlan plan, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options.Validate();
        var targetLog = target.CreateLog(options.ServiceId);
        await targetLog.ReadAsync(LogStream.User, 0, 0, 1, cancellationToken); // applies the domain schema if the database is new
        var log = new BulkEngagementLog(targetLog, target, options.ServiceId, await target.MaxSequenceAsync(cancellationToken));
        CapturingGrainStorage? storage = null;
        var app = OfflineSilo.Build(target, log, options, s => storage = s);
        await using var _ = app;
        await app.StartAsync(cancellationToken);
        var clock = Stopwatch.StartNew();
        ImportResult imported;
        try
        {
            var grains = app.Services.GetRequiredService<IGrainFactory>();
            imported = await new ImportRunner(grains, new ImportRunnerOptions { Parallelism = options.Parallelism, ConcurrentBatches = 1 }).RunAsync(plan, progress);
        }
        catch
        {
            await app.StopAsync(CancellationToken.None);
            throw;
        }

        var loadTime = clock.Elapsed;
        progress?.Report(new ImportProgress("deactivating", 0, 1));
        await app.StopAsync(CancellationToken.None); // every grain deactivates: the final checkpoints land in the capture
        var deactivateTime = clock.Elapsed - loadTime;
        progress?.Report(new ImportProgress("writing", 0, 1));

        var states = storage!.Changed();
        var export = new BulkExport(options.ServiceId, log.BaseSequence, states, log.Rows, log.Checkpoints, options.Time.GetUtcNow());
        await target.ExportAsync(export, cancellationToken);
        progress?.Report(new ImportProgress("writing", 1, 1));
        return new BulkLoadResult(imported, states.Count, export.Rows.Count, export.Checkpoints.Count, loadTime, deactivateTime, clock.Elapsed - loadTime - deactivateTime);
    }
}
