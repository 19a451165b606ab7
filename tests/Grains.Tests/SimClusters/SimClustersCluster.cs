using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Recsys.Grains.Ingestion.Log;
using Recsys.Grains.Interfaces.Admin;
using Recsys.Grains.Interfaces.SimClusters;
using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.SimClusters;
using Recsys.Grains.Tests.Support;
using Recsys.Runtime;
using Recsys.Runtime.Filters;
using Recsys.Runtime.Hosting;
using Recsys.Runtime.Testing;

namespace Recsys.Grains.Tests.SimClusters;

/// <summary>A domain silo for SimClusters tests, with a filter that signals job ends and counts calls by method.</summary>
public static class SimClustersCluster
{
    public static Task<TestCluster> StartAsync(ManualTimeProvider? time = null, Action<SiloBuilder>? configure = null, MemoryEngagementLog? log = null) =>
        DomainSilo.StartAsync(time, silo =>
        {
            silo.AddIncomingGrainCallFilter<SimClustersSignals>();
            configure?.Invoke(silo);
        }, log ?? new MemoryEngagementLog());

    public static SimClustersSignals Signals(this TestCluster cluster) =>
        cluster.Services.GetServices<IIncomingGrainCallFilter>().OfType<SimClustersSignals>().Single();

    /// <summary>Starts the simclusters job and waits for its end.</summary>
    public static async Task<JobInfo> RunJobAsync(this TestCluster cluster, Dictionary<string, string>? arguments = null)
    {
        var run = await cluster.GrainFactory.GetGrain<IJobsGrain>(0).Start(SimClustersModelGrain.JobName, arguments ?? []);
        return await cluster.WhenJobFinished(run.Id);
    }

    public static async Task<JobInfo> WhenJobFinished(this TestCluster cluster, long jobId)
    {
        await cluster.Signals().Finished(jobId).WaitAsync(TimeSpan.FromSeconds(120));
        return await cluster.GrainFactory.GetGrain<IJobsGrain>(0).Get(jobId);
    }

    /// <summary>Gives a user an InterestedIn vector as the job would (model version 1).</summary>
    public static Task SetInterestedInAsync(this IGrainFactory grains, long userId, DateTimeOffset at, params (int Community, float Score)[] interests) =>
        grains.GetGrain<IUserGrain>(userId).SetSimClusters(new UserSimClusters(
            1, at, null, interests.Select(i => new CommunityScore(i.Community, i.Score)).ToArray(), []));
}

/// <summary>Signals job ends (IJobsGrain.Finish) and counts calls per interface method and target key.</summary>
public sealed class SimClustersSignals : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<long, TaskCompletionSource> _finished = new();
    private readonly ConcurrentDictionary<(string Method, string Key), int> _calls = new();

    /// <summary>Runs before a call, when set; the test may block or observe there.</summary>
    public Func<IIncomingGrainCallContext, Task>? Before { get; set; }

    public Task Finished(long jobId) => Signal(jobId).Task;

    /// <summary>Calls to <c>Interface.Method</c> on grains with key <paramref name="key"/> (any key when null).</summary>
    public int Calls(string method, string? key = null) =>
        _calls.Where(c => c.Key.Method == method && (key is null || c.Key.Key == key)).Sum(c => c.Value);

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        _calls.AddOrUpdate((context.InterfaceType.Name + "." + context.MethodName, context.TargetId.Key), 1, (_, n) => n + 1);
        if (Before is { } before)
        {
            await before(context);
        }

        await context.Invoke();
        if (context.InterfaceType == typeof(IJobsGrain) && context.MethodName == nameof(IJobsGrain.Finish))
        {
            Signal((long)context.GetArgument(0)!).TrySetResult();
        }
    }

    private TaskCompletionSource Signal(long id) => _finished.GetOrAdd(id, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
}
