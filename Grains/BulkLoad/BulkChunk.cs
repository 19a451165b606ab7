using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Recsys.Grains.Ingestion.Log;
using Recsys.Runtime;

namespace Recsys.Grains.BulkLoad;

/// <summary>
/// One transaction of a bulk load: a fresh private silo whose storage reads through to the target (so it starts
/// from what earlier chunks committed), the steps run in it, then the silo stops (every grain deactivates and
/// checkpoints into the capture) and the changed states, new log rows and checkpoints are written at once. Nothing
/// of a chunk stays in memory after its commit, which is what bounds a large load's working set.
/// </summary>
internal sealed class BulkChunk : IAsyncDisposable
{
    private readonly BulkTarget _target;
    private readonly BulkLoadOptions _options;
    private readonly BulkEngagementLog _log;
    private readonly WebApplication _silo;
    private bool _stopped;

    private BulkChunk(BulkTarget target, BulkLoadOptions options, BulkEngagementLog log, WebApplication silo) =>
        (_target, _options, _log, _silo) = (target, options, log, silo);

    public long Items { get; private set; }

    public TimeSpan LoadTime { get; private set; }

    public static async Task<BulkChunk> StartAsync(BulkTarget target, IEngagementLog targetLog, BulkLoadOptions options, CancellationToken cancellationToken)
    {
        var log = new BulkEngagementLog(targetLog, target, options.ServiceId, await target.MaxSequenceAsync(cancellationToken));
        var silo = OfflineSilo.Build(target, log, options);
        await silo.StartAsync(cancellationToken);
        return new BulkChunk(target, options, log, silo);
    }

    public async Task RunAsync(BulkStep step)
    {
        var clock = Stopwatch.StartNew();
        await step.Run(_silo.Services.GetRequiredService<IGrainFactory>());
        Items += step.Items;
        LoadTime += clock.Elapsed;
    }

    /// <summary>Stops the silo and writes what it changed in one transaction.</summary>
    public async Task<BulkChunkCommit> CommitAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await StopAsync(); // every grain deactivates: the final states and checkpoints land in the capture
        var deactivateTime = clock.Elapsed;
        var states = OfflineSilo.Captured(_silo).Changed();
        var export = new BulkExport(_options.ServiceId, _log.BaseSequence, states, _log.Rows, _log.Checkpoints, _options.Time.GetUtcNow());
        await _target.ExportAsync(export, cancellationToken);
        return new BulkChunkCommit(states.Count, export.Rows.Count, export.Checkpoints.Count, LoadTime, deactivateTime, clock.Elapsed - deactivateTime);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _silo.DisposeAsync();
    }

    private async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _silo.StopAsync(CancellationToken.None);
        }
    }
}

/// <summary>What one chunk's commit wrote and where its time went.</summary>
internal sealed record BulkChunkCommit(int States, int Rows, int Checkpoints, TimeSpan LoadTime, TimeSpan DeactivateTime, TimeSpan WriteTime);
