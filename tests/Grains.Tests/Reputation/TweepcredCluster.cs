using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Recsys.Grains.Hosting;
using Recsys.Grains.Ingestion.Log;
using Recsys.Grains.Interfaces.Admin;
using Recsys.Grains.Interfaces.Reputation;
using Recsys.Grains.Reputation;
using Recsys.Grains.Tests.Support;
using Recsys.Runtime;
using Recsys.Runtime.Filters;
using Recsys.Runtime.Hosting;
using Recsys.Runtime.Testing;

namespace Recsys.Grains.Tests.Reputation;

/// <summary>Domain silos for tweepcred tests: one on a manual clock, or several on the real clock over loopback TCP.</summary>
internal static class TweepcredCluster
{
    /// <summary>Maps the average rank of a small graph to about 60 instead of 20, so tweepcred values spread around 65.</summary>
    public const double ReferencePopulation = 1e6;

    public static Task<TestCluster> StartAsync(int silos, ManualTimeProvider? time = null, Action<SiloBuilder>? configure = null)
    {
        var log = new MemoryEngagementLog();
        var signals = new TweepcredSignals();
        return TestCluster.StartAsync(silos, silo =>
        {
            if (time is not null)
            {
                silo.UseTimeProvider(time);
            }

            silo.AddMemoryGrainStorage();
            silo.UseMemoryReminders();
            silo.AddRecsysDomain();
            silo.UseMemoryEngagementLog(log);
            silo.Configure<TweepcredOptions>(o => o.ReferencePopulation = ReferencePopulation);
            silo.Services.AddSingleton(signals);
            silo.AddIncomingGrainCallFilter<TweepcredSignals.Filter>();
            configure?.Invoke(silo);
        });
    }

    public static TweepcredSignals Signals(this TestCluster cluster) => cluster.Services.GetRequiredService<TweepcredSignals>();

    /// <summary>Waits for a run through the coordinator's long poll (no sleeps).</summary>
    public static async Task<TweepcredRunStatus> WaitAsync(this ITweepcredCoordinatorGrain coordinator, TweepcredRunStatus run)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (run.State == TweepcredRunState.Running)
        {
            limit.Token.ThrowIfCancellationRequested();
            run = await coordinator.WaitForRun(run.RunId, TimeSpan.FromSeconds(5));
        }

        return run;
    }

    /// <summary>Every user's stored score.</summary>
    public static async Task<Dictionary<long, UserReputation?>> ScoresAsync(this IGrainFactory grains, IEnumerable<long> users)
    {
        var ids = users.ToArray();
        var scores = await Task.WhenAll(ids.Select(id => grains.GetGrain<Interfaces.Users.IUserGrain>(id).GetTweepcred()));
        return ids.Zip(scores).ToDictionary(p => p.First, p => p.Second);
    }
}

/// <summary>What the job registry heard, shared by the silos of one test cluster: progress reports and run ends.</summary>
internal sealed class TweepcredSignals
{
    private readonly ConcurrentDictionary<long, TaskCompletionSource> _finished = new();

    public ConcurrentQueue<(long JobId, double Progress, string? Message)> Reports { get; } = new();

    public Task Finished(long jobId) => Signal(jobId).Task;

    /// <summary>The job registry's record of a run once it has finished.</summary>
    public async Task<JobInfo> WhenFinished(TestCluster cluster, long jobId)
    {
        await Finished(jobId).WaitAsync(TimeSpan.FromMinutes(2));
        return await cluster.GrainFactory.GetGrain<IJobsGrain>(0).Get(jobId);
    }

    private TaskCompletionSource Signal(long id) => _finished.GetOrAdd(id, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));

    public sealed class Filter(TweepcredSignals signals) : IIncomingGrainCallFilter
    {
        public async Task Invoke(IIncomingGrainCallContext context)
        {
            await context.Invoke();
            if (context.InterfaceType != typeof(IJobsGrain))
            {
                return;
            }

            if (context.MethodName == nameof(IJobsGrain.Report))
            {
                signals.Reports.Enqueue(((long)context.GetArgument(0)!, (double)context.GetArgument(1)!, (string?)context.GetArgument(2)));
            }
            else if (context.MethodName == nameof(IJobsGrain.Finish))
            {
                signals.Signal((long)context.GetArgument(0)!).TrySetResult();
            }
        }
    }
}
