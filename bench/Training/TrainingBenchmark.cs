using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Recsys.Grains.Fanout;
using Recsys.Grains.Hosting;
using Recsys.Grains.Interfaces.Admin;
using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Interfaces.Models;
using Recsys.Grains.Interfaces.Timeline;
using Recsys.Grains.Sample;
using Recsys.Grains.SimClusters;
using Recsys.Grains.Ranking.Models;
using Recsys.Grains.Training;
using Recsys.Grains.Training.Evaluation;
using Recsys.Grains.Training.Labels;
using Recsys.Runtime.Hosting;
using Recsys.Runtime.Testing;

namespace Recsys.Bench.Training;

/// <summary>
/// Learning from engagement on generated data (issue 10): a sample world with planted interests is loaded into one
/// silo on a manual clock and the SimClusters job run; then, for several rounds, every viewer is served a For You
/// page (the side effect logs each item's features), reacts by <see cref="LatentEngagementModel"/>, and the
/// reactions are ingested; the clock passes the 24 h label window and the training job's run trains, evaluates and
/// decides. Prints each head's held-out AUC and log loss, trained against default-v0.
/// </summary>
public static class TrainingBenchmark
{
    private const int PageSize = 35;
    private const int Concurrency = 16;
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan RoundGap = TimeSpan.FromHours(3);

    public static async Task<TrainingBenchResult> RunAsync(int users, int viewers, int rounds, bool sqlite)
    {
        var time = new ManualTimeProvider(Start);
        var file = Path.Combine(Path.GetTempPath(), "recsys-bench-training-" + Guid.NewGuid().ToString("N"), "recsys.db");
        var clock = Stopwatch.StartNew();
        await using var cluster = await TestCluster.StartAsync(silo =>
        {
            silo.UseTimeProvider(time);
            silo.AddRecsysDomain();
            if (sqlite)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                silo.AddSqliteGrainStorage("Default", o => o.FilePath = file);
                silo.UseSqliteReminders(o => o.FilePath = file);
                silo.UseSqliteEngagementLog(file);
            }
            else
            {
                silo.AddMemoryGrainStorage();
                silo.UseMemoryReminders();
                silo.UseMemoryEngagementLog();
            }
        });
        var grains = cluster.GrainFactory;
        var data = SampleGenerator.Generate(new SampleOptions { Users = users }, Start);
        await cluster.Services.GetRequiredService<SampleLoader>().LoadAsync(data with { Engagements = [] }, (_, _) => Task.CompletedTask);
        await RunJobAsync(grains, SimClustersModelGrain.JobName);
        foreach (var batch in data.Engagements.Chunk(5_000))
        {
            await grains.GetGrain<IEngagementIngestGrain>(0).Ingest(batch);
        }

        Console.WriteLine($"training: {data.Users.Count:N0} users, {data.Follows.Count:N0} follows, {data.Posts.Count:N0} posts, "
            + $"{data.Engagements.Count:N0} sample engagements loaded, SimClusters run, in {clock.Elapsed.TotalSeconds:F0} s");

        var interests = data.Users.ToDictionary(u => u.Profile.Id, u => u.Interests);
        var posts = data.Posts.ToDictionary(p => p.Post.Id, p => (p.Topic, p.Post.HasMedia));
        var audience = data.Users.Select(u => u.Profile.Id).Take(viewers).ToArray();
        var random = new Random(17);
        long served = 0, reactions = 0;
        var truth = new List<(DateTimeOffset ServedAt, double[] Oracle, bool[] Labels)>();
        clock.Restart();
        for (var round = 0; round < rounds; round++)
        {
            var events = new List<EngagementEvent>();
            foreach (var group in audience.Chunk(Concurrency))
            {
                time.Advance(TimeSpan.FromSeconds(1)); // pages at distinct instants, so the time split falls between pages
                var now = time.GetUtcNow();
                var pages = await Task.WhenAll(group.Select(v => grains.GetGrain<ITimelineGrain>(v).GetForYou(new ForYouRequest(PageSize, null, false))));
                for (var i = 0; i < group.Length; i++)
                {
                    foreach (var item in pages[i].Items)
                    {
                        served++;
                        var (topic, media) = posts[item.PostId];
                        var m = interests[group[i]][topic];
                        var drawn = LatentEngagementModel.Draw(m, item.InNetwork, media, random).Select(r =>
                            new EngagementEvent($"r{round}-{group[i]}-{item.PostId}-{r.Action}", group[i], r.Action, item.PostId, null, now.AddSeconds(random.Next(1, 50)), r.Value))
                            .ToArray();
                        events.AddRange(drawn);
                        truth.Add((now, LatentEngagementModel.HeadProbabilities(m, item.InNetwork, media),
                            HeadLabelRules.Label(drawn.Select(e => new LoggedEngagement(0, e.Id, e.UserId, e.Action, e.PostId, null, null, e.Time, e.Value)))));
                    }
                }
            }

            time.Advance(TimeSpan.FromMinutes(1)); // every reaction is in the past when ingested
            foreach (var batch in events.Chunk(5_000))
            {
                await grains.GetGrain<IEngagementIngestGrain>(0).Ingest(batch);
            }

            reactions += events.Count;
            Console.WriteLine($"training: round {round + 1}: {audience.Length:N0} pages served, {events.Count:N0} reactions ingested ({clock.Elapsed.TotalSeconds:F0} s)");
            time.Advance(RoundGap);
        }

        time.Advance(TrainingOptions.DefaultLabelWindow + TimeSpan.FromMinutes(1));
        clock.Restart();
        var report = await cluster.Services.GetRequiredService<TrainingRun>().RunAsync((_, message) =>
        {
            Console.WriteLine($"training: {message}");
            return Task.CompletedTask;
        });
        Console.WriteLine($"training: {served:N0} items served, {reactions:N0} reactions; {report.LabelledExamples:N0} labelled; trained in {clock.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"training: {report.Summary}");
        var evaluation = report.Evaluation ?? throw new InvalidOperationException(report.Summary);
        var heldOut = truth.Where(t => t.ServedAt >= evaluation.SplitAt).ToArray();
        var oracle = Enumerable.Range(0, RankingHeads.Count)
            .Select(h => Auc.Compute(heldOut.Select(t => t.Oracle[h]).ToArray(), heldOut.Select(t => t.Labels[h]).ToArray()))
            .ToArray();
        return new TrainingBenchResult(evaluation, oracle);
    }

    /// <summary>
    /// The evaluation as a Markdown table: per head, the held-out positives, AUC of default-v0, the trained version and
    /// the oracle (the generative model's true probabilities on the same served items: the ceiling), and log loss.
    /// </summary>
    public static string Table(TrainingBenchResult result)
    {
        var (evaluation, oracle) = (result.Evaluation, result.OracleAuc);
        var trained = evaluation.Versions.Single(v => v.Role == "candidate");
        var baseline = evaluation.Versions.Single(v => v.Role == "default");
        var lines = new List<string>
        {
            $"| head | held-out positives / items | AUC {baseline.Version} | AUC {trained.Version} | AUC oracle | log loss {baseline.Version} | log loss trained | note |",
            "|---|---:|---:|---:|---:|---:|---:|---|",
        };
        for (var h = 0; h < trained.Heads.Count; h++)
        {
            var (t, d) = (trained.Heads[h], baseline.Heads[h]);
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {t.Head} | {t.Positives:N0} / {t.Examples:N0} | {Format(d.Auc)} | {Format(t.Auc)} | {Format(oracle[h])} | {Format(d.LogLoss)} | {Format(t.LogLoss)} | {t.Note ?? "trained"} |"));
        }

        lines.Add($"\npromoted: {evaluation.Promoted} ({evaluation.Decision}); train {evaluation.TrainExamples:N0} items, test {evaluation.TestExamples:N0}, split at {evaluation.SplitAt:O}");
        return string.Join('\n', lines);
    }

    private static string Format(double? value) => value is { } v ? v.ToString("F4", CultureInfo.InvariantCulture) : "—";

    private static async Task RunJobAsync(Recsys.Runtime.IGrainFactory grains, string name)
    {
        var jobs = grains.GetGrain<IJobsGrain>(0);
        var run = await jobs.Start(name, new Dictionary<string, string>());
        while (run.Status is JobStatus.Queued or JobStatus.Running)
        {
            await Task.Delay(100); // a benchmark waits on the real clock; the job reports through the registry
            run = await jobs.Get(run.Id);
        }

        if (run.Status != JobStatus.Succeeded)
        {
            throw new InvalidOperationException($"{name} failed: {run.Message}");
        }
    }
}
