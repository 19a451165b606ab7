using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Recsys.Grains.Hosting;
using Recsys.Grains.Interfaces.Admin;
using Recsys.Grains.Interfaces.SimClusters;
using Recsys.Grains.Sample;
using Recsys.Grains.SimClusters;
using Recsys.Runtime.Filters;
using Recsys.Runtime.Hosting;
using Recsys.Runtime.Testing;

namespace Recsys.Bench.SimClusters;

/// <summary>
/// The "simclusters" job end to end on one in-process silo (memory storage): a generated sample's users and follows
/// are loaded through the grains (not measured as the job), then the job runs from the job registry: listing the
/// users, reading each User grain, the computation, writing every SimCluster and User grain. Phases are timed from
/// the job's progress reports. The same inputs through <see cref="SimClustersComputation"/> alone give the floor.
/// </summary>
public static class SimClustersJobBenchmark
{
    /// <summary>Runs the job on a sample of <paramref name="users"/>; <paramref name="producersPerCommunity"/> 0 keeps the default (20).</summary>
    public static async Task<IReadOnlyList<KnownForBenchRow>> RunAsync(int users, int producersPerCommunity = 0)
    {
        var options = new SimClustersOptions();
        var arguments = new Dictionary<string, string>();
        if (producersPerCommunity > 0)
        {
            options.ProducersPerCommunity = producersPerCommunity;
            arguments["producersPerCommunity"] = producersPerCommunity.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var rows = new List<KnownForBenchRow>();
        var data = SampleGenerator.Generate(new SampleOptions { Users = users }, DateTimeOffset.UtcNow) with { Posts = [], Engagements = [] };
        var planted = data.Users.ToDictionary(u => u.Profile.Id, u => u.Community);
        var follows = data.Follows.ToLookup(f => f.FollowerId, f => f.FolloweeId);
        var inputs = data.Users.Select(u => new UserSimClustersInput(u.Profile.Id, follows[u.Profile.Id].Order().ToArray(), [])).ToArray();
        var progress = new ProgressRecorder();
        await using var cluster = await TestCluster.StartAsync(silo =>
        {
            silo.AddMemoryGrainStorage();
            silo.UseMemoryReminders();
            silo.AddRecsysDomain();
            silo.UseMemoryEngagementLog();
            silo.Services.AddSingleton<IIncomingGrainCallFilter>(progress);
        });

        var load = Stopwatch.StartNew();
        await cluster.Services.GetRequiredService<SampleLoader>().LoadAsync(data, (_, _) => Task.CompletedTask);
        Console.WriteLine($"simclusters-job: {users:N0} users and {data.Follows.Count:N0} follows loaded through the grains in {load.Elapsed.TotalSeconds:F1} s (not part of the job)");

        GC.Collect();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var run = await cluster.GrainFactory.GetGrain<IJobsGrain>(0).Start(SimClustersModelGrain.JobName, arguments);
        await progress.Finished.WaitAsync(TimeSpan.FromMinutes(30));
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var info = await cluster.GrainFactory.GetGrain<IJobsGrain>(0).Get(run.Id);
        var model = await cluster.GrainFactory.GetGrain<ISimClustersModelGrain>(0).GetView();
        var knownFor = (await cluster.GrainFactory.GetGrain<ISimClustersModelGrain>(0).GetKnownFor())!;
        if (info.Status != JobStatus.Succeeded)
        {
            throw new InvalidOperationException($"the job failed: {info.Message}");
        }

        var labels = Enumerable.Range(0, knownFor.Producers.Count).ToDictionary(i => knownFor.Producers[i], i => knownFor.Communities[i]);
        var nmi = NormalizedMutualInformation.Compute(labels.Keys.ToDictionary(p => p, p => planted[p]), labels);
        using (var process = Process.GetCurrentProcess())
        {
            Console.WriteLine("simclusters-job: phases " + string.Join(", ", progress.Phases().Select(p => $"{p.Phase} {p.Seconds:F2} s")));
            var summary = model.RecentRuns[0];
            rows.Add(new KnownForBenchRow("job total (POST to finished)", knownFor.Producers.Count, progress.Total, allocated,
                GC.GetTotalMemory(forceFullCollection: true), process.PeakWorkingSet64, nmi,
                $"{users:N0} users, {summary.FollowEdges:N0} follows, ≥ {summary.MinFollowers} followers, k = {summary.Communities:N0}, {summary.NonEmptyCommunities:N0} non-empty, {summary.UsersWithInterestedIn:N0} users with InterestedIn"));
        }

        GC.Collect();
        allocated = GC.GetTotalAllocatedBytes(precise: true);
        var floor = Stopwatch.StartNew();
        var pure = SimClustersComputation.Run(inputs, previous: null, options);
        floor.Stop();
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var pureNmi = NormalizedMutualInformation.Compute(pure.KnownFor.Labels().Keys.ToDictionary(p => p, p => planted[p]), pure.KnownFor.Labels());
        using (var process = Process.GetCurrentProcess())
        {
            rows.Add(new KnownForBenchRow("floor: SimClustersComputation on the same inputs", pure.KnownFor.Producers.Count, floor.Elapsed, allocated,
                GC.GetTotalMemory(forceFullCollection: true), process.PeakWorkingSet64, pureNmi, "no grains: follow graph, similarity, KnownFor, InterestedIn, producer embeddings"));
        }

        return rows;
    }

    /// <summary>Times the job's progress messages (each starts a phase) and signals its end.</summary>
    private sealed class ProgressRecorder : IIncomingGrainCallFilter
    {
        private readonly ConcurrentQueue<(TimeSpan At, string Message)> _reports = new();
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TimeSpan _end;

        public Task Finished => _finished.Task;

        public TimeSpan Total => _end - _reports.First().At;

        public async Task Invoke(IIncomingGrainCallContext context)
        {
            if (context.InterfaceType == typeof(IJobsGrain) && context.MethodName == nameof(IJobsGrain.Report) && context.GetArgument(2) is string message)
            {
                _reports.Enqueue((_clock.Elapsed, message));
            }

            await context.Invoke();
            if (context.InterfaceType == typeof(IJobsGrain) && context.MethodName == nameof(IJobsGrain.Finish))
            {
                _end = _clock.Elapsed;
                _finished.TrySetResult();
            }
        }

        /// <summary>Consecutive reports with the same leading words ("reading follows and likes (2,000/20,000)") are one phase.</summary>
        public IEnumerable<(string Phase, double Seconds)> Phases()
        {
            var reports = _reports.ToArray();
            var phases = new List<(string Phase, double Seconds)>();
            for (var i = 0; i < reports.Length; i++)
            {
                var name = reports[i].Message.Split(" (")[0];
                var next = i + 1 < reports.Length ? reports[i + 1].At : _end;
                if (phases.Count > 0 && phases[^1].Phase == name)
                {
                    phases[^1] = (name, phases[^1].Seconds + (next - reports[i].At).TotalSeconds);
                }
                else
                {
                    phases.Add((name, (next - reports[i].At).TotalSeconds));
                }
            }

            return phases;
        }
    }
}
