using System.Globalization;
using Microsoft.Extensions.Options;
using Recsys.Grains.Ingestion.Log;
using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Interfaces.Models;
using Recsys.Grains.Models;
using Recsys.Grains.Ranking.Models;
using Recsys.Grains.Training.Evaluation;
using Recsys.Grains.Training.Labels;
using Recsys.Grains.Training.Learning;
using Recsys.Grains.Training.ServedLog;
using Recsys.Runtime;

namespace Recsys.Grains.Training;

/// <summary>
/// One training run, the orchestration around the pure parts: flush this silo's served-item buffer; read the items
/// served in the look-back whose 24 h label window has closed; read their viewers' engagements from the engagement
/// log; label, split by time, train every head; evaluate the candidate, default-v0 and the active version on the
/// held-out later part; store the candidate with its evaluation in the registry, which activates it when the
/// promotion rule says so (every silo then picks it up through its registry poller).
/// </summary>
public sealed class TrainingRun(
    IServedLog servedLog,
    ServedLogWriter writer,
    IEngagementLog engagementLog,
    ModelCatalog catalog,
    IGrainFactory grains,
    TimeProvider time,
    IOptions<TrainingOptions> options)
{
    private const int ReadPage = 10_000;

    public async Task<TrainingReport> RunAsync(Func<double, string, Task> report, TimeSpan? lookBack = null, CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        await writer.FlushAsync(cancellationToken);
        var now = time.GetUtcNow();
        var from = now - (lookBack ?? o.LookBack);
        var served = await ReadServedAsync(from, now - o.LabelWindow, o.MaxExamples, cancellationToken);
        await report(0.2, $"read {served.Count} served items; reading engagements");

        var engagements = await ReadEngagementsAsync(served.Select(s => s.ViewerId).Distinct().ToArray(), from, cancellationToken);
        var examples = ServedItemLabeller.Label(served, engagements, o.LabelWindow, now);
        if (examples.Count < o.MinExamples)
        {
            return new TrainingReport(served.Count, examples.Count, null, null,
                $"trained nothing: {examples.Count} labelled items, fewer than {o.MinExamples}");
        }

        var (train, test, cut) = TimeSplit.Split(examples, o.TrainFraction);
        if (train.Count == 0 || test.Count == 0)
        {
            return new TrainingReport(served.Count, examples.Count, null, null,
                $"trained nothing: the {examples.Count} labelled items cannot be split by time (served at one instant)");
        }

        var registry = grains.GetGrain<IModelRegistryGrain>(0);
        var activeVersion = (await registry.GetActive()).Versions.GetValueOrDefault(HeavyRanker.ModelName) ?? catalog.ActiveVersion(HeavyRanker.ModelName);
        var active = await FileAsync(registry, activeVersion);
        var defaultModel = await FileAsync(registry, catalog.DefaultVersion(HeavyRanker.ModelName)!);
        await report(0.5, $"training on {train.Count} items, testing on {test.Count}");

        var version = "trained-" + now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var settings = new HeadTrainingSettings(o.L2, o.BalanceClasses, o.MinPositives);
        var trained = HeavyRankerTrainer.Train(train, active, settings, version);
        var candidate = HeldOutEvaluator.Evaluate(trained.Model, "candidate", test, trained.Notes);
        var baseline = HeldOutEvaluator.Evaluate(defaultModel, "default", test);
        var current = active.Version == defaultModel.Version ? baseline : HeldOutEvaluator.Evaluate(active, "active", test);
        var (promoted, decision) = PromotionRule.Decide(candidate, current, o.AucTolerance, o.MinAucGain, o.MinPositives);

        VersionMetrics[] versions = current == baseline ? [candidate, baseline] : [candidate, baseline, current];
        var evaluation = new ModelEvaluation(now, train.Count, test.Count, cut, versions, promoted, decision);
        await registry.UploadEvaluated(ModelFileReader.Write(trained.Model), evaluation);
        return new TrainingReport(served.Count, examples.Count, version, evaluation,
            $"{HeavyRanker.ModelName}/{version}: {train.Count} train, {test.Count} test items; {decision}");
    }

    private async Task<IReadOnlyList<ServedItem>> ReadServedAsync(DateTimeOffset from, DateTimeOffset to, int max, CancellationToken cancellationToken)
    {
        var items = new List<ServedItem>();
        var after = 0L;
        while (true)
        {
            var rows = await servedLog.ReadAsync(from, to, after, ReadPage, cancellationToken);
            items.AddRange(rows.Select(r => r.Item).Where(i => i.Features.Count == HeavyRankerFeatures.Count)); // rows of another feature schema cannot be scored
            if (rows.Count < ReadPage)
            {
                break;
            }

            after = rows[^1].Id;
        }

        return items.Count <= max ? items : items.OrderByDescending(i => i.ServedAt).Take(max).ToArray();
    }

    // One pass along the log (it holds the dedup retention, 7 days): no index keyed by user to read, none for appends to keep.
    private async Task<IReadOnlyList<LoggedEngagement>> ReadEngagementsAsync(IReadOnlyList<long> viewers, DateTimeOffset from, CancellationToken cancellationToken)
    {
        var wanted = viewers.ToHashSet();
        var made = new List<LoggedEngagement>();
        var after = 0L;
        while (true)
        {
            var rows = await engagementLog.ReadAllAsync(after, ReadPage, cancellationToken);
            made.AddRange(rows.Where(e => wanted.Contains(e.UserId) && e.Time >= from));
            if (rows.Count < ReadPage)
            {
                return made;
            }

            after = rows[^1].Sequence;
        }
    }

    private async Task<ModelFile> FileAsync(IModelRegistryGrain registry, string version) =>
        catalog.Find(HeavyRanker.ModelName, version) ?? ModelFileReader.Parse(await registry.GetFile(HeavyRanker.ModelName, version), $"registry {version}");
}
