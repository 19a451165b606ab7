using System.Diagnostics;
using System.Globalization;
using Recsys.Runtime;

namespace Recsys.Grains.Reputation.Cluster;

/// <summary>
/// Runs one tweepcred run over the partition grains, phase by phase with a barrier after each (every partition's
/// call returns before the next phase starts): load, exchange edges, build, PageRank supersteps, post-adjust,
/// write. Global totals are added in partition order, and the iteration follows <see cref="PageRankSuperstep"/>:
/// dead mass from the previous totals, stop after MaxIterations or once Σ|Δ| ≤ Tolerance.
/// </summary>
internal sealed class TweepcredRunDriver(
    IGrainFactory grains, TweepcredOptions options, TweepcredJobOptions job, TweepcredRunTracker run, int silos, Func<Task> report)
{
    // Progress: load 0-30%, exchange and build to 45%, iterations to 90%, writing the rest.
    private const double LoadShare = 0.30;
    private const double BuildEnd = 0.45;
    private const double IterateEnd = 0.90;

    private readonly long[] _keys = PartitionKeys.Spread(run.Partitions, silos);

    private ITweepcredPartitionGrain[] _partitions = [];

    private long _phaseStarted = Stopwatch.GetTimestamp();

    public async Task RunAsync()
    {
        _partitions = _keys.Select(k => grains.GetGrain<ITweepcredPartitionGrain>(k)).ToArray();
        try
        {
            await LoadAsync();
            run.Edges = (await All(p => p.SendEdges(run.RunId))).Sum();
            await EndPhase("exchange", BuildEnd - 0.1, $"{run.Edges:N0} edges kept");
            var built = await All(p => p.Build(run.RunId));
            run.Users = built.Sum(b => b.Users);
            run.PartitionBytes = built.Sum(b => b.MemoryBytes);
            run.SharesPerIteration = built.Sum(b => b.SharesSent);
            await EndPhase("build", BuildEnd, $"{run.Users:N0} users, {run.PartitionBytes / 1048576.0:N0} MiB of partition arrays");
            if (run.Users > 0)
            {
                await IterateAsync(built.Aggregate(0.0, (sum, b) => sum + b.PriorMass));
                await WriteAsync();
            }
        }
        finally
        {
            await ReleaseAsync();
        }
    }

    private async Task LoadAsync()
    {
        var setups = _partitions.Select((_, p) => new TweepcredPartitionSetup(run.RunId, p, run.Partitions, _keys, run.AsOf, options,
            job.MaxMessageEntries, job.MaxParallelCalls, job.BatchUsers, job.StartFromPreviousRanks)).ToArray();
        run.PartitionSilos = await Task.WhenAll(setups.Select((setup, p) => _partitions[p].Begin(setup)));
        var progress = new TweepcredLoadProgress[_partitions.Length];
        while (progress.Any(p => p is null || !p.Done))
        {
            var pending = Enumerable.Range(0, progress.Length).Where(p => progress[p] is not { Done: true }).ToArray();
            var read = await Task.WhenAll(pending.Select(p => _partitions[p].Load(run.RunId)));
            for (var k = 0; k < pending.Length; k++)
            {
                progress[pending[k]] = read[k];
            }

            run.Progress = LoadShare * progress.Average(p => p.Fraction);
            run.Message = $"loading: {progress.Sum(p => p.Users):N0} users, {progress.Sum(p => p.Follows):N0} follows";
            await report();
        }

        await EndPhase("load", LoadShare, run.Message);
    }

    private async Task IterateAsync(double priorMass)
    {
        var n = run.Users;
        var startTotal = (await All(p => p.Start(run.RunId, priorMass, n))).Aggregate(0.0, (sum, x) => sum + x);
        var totals = Sum(await All(p => p.Prepare(run.RunId, startTotal)));
        var iteration = 0;
        do
        {
            iteration++;
            var dead = PageRankSuperstep.Dead(totals, n);
            var sendNext = iteration < options.MaxIterations;
            var step = iteration;
            totals = Sum(await All(p => p.Step(run.RunId, step, dead, sendNext)));
            run.Iterations = iteration;
            run.Delta = totals.Delta;
            run.Progress = BuildEnd + ((IterateEnd - BuildEnd) * iteration / options.MaxIterations);
            run.Message = string.Create(CultureInfo.InvariantCulture, $"iteration {iteration}/{options.MaxIterations}, delta {totals.Delta:E3}");
            await report();
        }
        while (iteration < options.MaxIterations && totals.Delta > options.Tolerance);

        run.Converged = totals.Delta <= options.Tolerance;
        await EndPhase("iterate", IterateEnd, string.Create(CultureInfo.InvariantCulture,
            $"PageRank {(run.Converged ? "converged" : "stopped at the iteration cap")} after {iteration} iterations, delta {totals.Delta:E3}"));
    }

    private async Task WriteAsync()
    {
        var adjusted = (await All(p => p.Adjust(run.RunId))).Aggregate(0.0, (sum, x) => sum + x);
        double? normaliser = options.PostAdjust ? adjusted : null;
        var progress = new TweepcredWriteProgress?[_partitions.Length];
        while (progress.Any(p => p is not { Done: true }))
        {
            var pending = Enumerable.Range(0, progress.Length).Where(p => progress[p] is not { Done: true }).ToArray();
            var written = await Task.WhenAll(pending.Select(p => _partitions[p].Write(run.RunId, normaliser)));
            for (var k = 0; k < pending.Length; k++)
            {
                progress[pending[k]] = written[k];
            }

            var done = progress.Sum(p => p?.Written ?? 0);
            run.Progress = IterateEnd + ((1 - IterateEnd) * done / run.Users);
            run.Message = $"writing scores: {done:N0}/{run.Users:N0}";
            await report();
        }

        await EndPhase("write", 1, $"{run.Users:N0} users scored");
    }

    private async Task ReleaseAsync()
    {
        try
        {
            await All(p => p.Release(run.RunId));
        }
        catch (Exception)
        {
            // best effort: a partition that cannot be told deactivates when idle, and the next run's Begin resets it
        }
    }

    private async Task EndPhase(string phase, double progress, string message)
    {
        var now = Stopwatch.GetTimestamp();
        run.PhaseSeconds.Add(new(phase, Stopwatch.GetElapsedTime(_phaseStarted, now).TotalSeconds));
        _phaseStarted = now;
        run.Phase = phase;
        run.Progress = progress;
        run.Message = message;
        await report();
    }

    private Task<T[]> All<T>(Func<ITweepcredPartitionGrain, Task<T>> call) => Task.WhenAll(_partitions.Select(call));

    private Task All(Func<ITweepcredPartitionGrain, Task> call) => Task.WhenAll(_partitions.Select(call));

    private static SuperstepTotals Sum(SuperstepTotals[] parts)
    {
        var sum = default(SuperstepTotals);
        foreach (var part in parts)
        {
            sum += part;
        }

        return sum;
    }
}
