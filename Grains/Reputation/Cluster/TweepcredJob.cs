using System.Globalization;
using Recsys.Grains.Admin.Jobs;
using Recsys.Grains.Interfaces.Reputation;

namespace Recsys.Grains.Reputation.Cluster;

/// <summary>
/// The "tweepcred" job (POST /api/admin/jobs/tweepcred, `recsys jobs run tweepcred`): starts a run on the
/// coordinator and waits for it with long polls; the coordinator reports progress to the registry as it goes.
/// Arguments: partitions (default: TweepcredJobOptions.Partitions), trigger (recorded with the run).
/// </summary>
public sealed class TweepcredJob : IJob
{
    public const string JobName = "tweepcred";

    /// <summary>How long one wait for the run may take: well under the 30 s response timeout.</summary>
    public static readonly TimeSpan LongPoll = TimeSpan.FromSeconds(10);

    public string Name => JobName;

    public string Description => "Computes every user's tweepcred (PageRank over the follow graph, on partition grains across the silos) and stores it in the User grains (arguments: partitions).";

    public async Task RunAsync(JobContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var coordinator = context.Grains.GetGrain<ITweepcredCoordinatorGrain>(0);
        var trigger = context.Arguments.GetValueOrDefault("trigger", "job");
        var run = await coordinator.Start(new TweepcredRunRequest(context.JobId, context.IntArgument("partitions", 0), trigger));
        while (run.State == TweepcredRunState.Running)
        {
            run = await coordinator.WaitForRun(run.RunId, LongPoll);
        }

        if (run.State == TweepcredRunState.Failed)
        {
            throw new InvalidOperationException($"tweepcred run {run.RunId} failed: {run.Error}");
        }

        await context.ReportAsync(1, Summary(run));
    }

    private static string Silos(TweepcredRunStatus run) => run.PartitionSilos.Distinct().Count() is 1 ? "1 silo" : $"{run.PartitionSilos.Distinct().Count()} silos";

    private static string Summary(TweepcredRunStatus run)
    {
        var phases = string.Join(", ", run.PhaseSeconds.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Phase} {p.Seconds:F2} s")));
        return string.Create(CultureInfo.InvariantCulture,
            $"run {run.RunId}: {run.Users:N0} users, {run.Edges:N0} edges, {run.Iterations} iterations ({(run.Converged ? "converged" : "iteration cap")}, delta {run.Delta:E2}), {run.Partitions} partitions on {Silos(run)}; {phases}");
    }
}
