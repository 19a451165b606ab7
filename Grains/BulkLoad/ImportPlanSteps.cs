using Recsys.Grains.Import;
using Recsys.Grains.Interfaces.Users;

namespace Recsys.Grains.BulkLoad;

/// <summary>
/// An import plan cut into bulk steps: users, posts, follows and engagements in slices of at most one transaction's
/// items, each slice a plan of its own run by the same <see cref="ImportRunner"/> the API path uses, in the plan's
/// order (so a follow's followers list is pre-filled in its slice, before its event, as a whole-plan run does).
/// Each slice's progress is reported against the whole plan's totals; <see cref="Result"/> adds the slices up.
/// </summary>
internal sealed class ImportPlanSteps
{
    private const int MaxRejectionsKept = 5;

    private readonly List<ImportResult> _results = [];
    private readonly Dictionary<string, long> _totals = [];

    public ImportPlanSteps(ImportPlan plan, int itemsPerStep, ImportRunnerOptions runner, IProgress<ImportProgress>? progress)
    {
        var empty = plan with { Users = [], Posts = [], Follows = [], Engagements = [] };
        var slices = plan.Users.Chunk(itemsPerStep).Select(s => ("users", empty with { Users = s }))
            .Concat(plan.Posts.Chunk(itemsPerStep).Select(s => ("posts", empty with { Posts = s })))
            .Concat(plan.Follows.Chunk(itemsPerStep).Select(s => ("follows", empty with { Follows = s })))
            .Concat(plan.Engagements.Chunk(itemsPerStep).Select(s => ("engagements", empty with { Engagements = s })))
            .ToArray();
        var steps = new List<BulkStep>();
        foreach (var (stage, slice) in slices)
        {
            var sizes = StageSizes(slice);
            var offsets = sizes.Keys.ToDictionary(k => k, k => _totals.GetValueOrDefault(k));
            foreach (var (name, size) in sizes)
            {
                _totals[name] = _totals.GetValueOrDefault(name) + size;
            }

            var relative = progress is null ? null : new Progress(progress, offsets, _totals);
            steps.Add(new BulkStep(stage, slice.Users.Count + slice.Posts.Count + slice.EventCount, async grains =>
            {
                var result = await new ImportRunner(grains, runner).RunAsync(slice, relative);
                lock (_results)
                {
                    _results.Add(result);
                }
            }));
        }

        Steps = steps;
    }

    public IReadOnlyList<BulkStep> Steps { get; }

    /// <summary>The slices' results added up, stage times summed by stage.</summary>
    public ImportResult Result()
    {
        lock (_results)
        {
            var stages = _results.SelectMany(r => r.Stages).GroupBy(s => s.Stage).Select(g => (g.Key, g.Aggregate(TimeSpan.Zero, (t, s) => t + s.Elapsed))).ToArray();
            return new ImportResult(_results.Sum(r => r.Users), _results.Sum(r => r.Posts), _results.Sum(r => r.Accepted), _results.Sum(r => r.Duplicates),
                _results.Sum(r => r.Rejected), _results.SelectMany(r => r.FirstRejections).Take(MaxRejectionsKept).ToArray(), stages);
        }
    }

    // The progress stages a slice's ImportRunner reports, with their totals (the user index counts shards, the
    // followers stage counts followees).
    private static Dictionary<string, long> StageSizes(ImportPlan slice) => new[]
        {
            ("user index", slice.Users.Select(u => UserIndex.ShardOf(u.Id)).Distinct().LongCount()),
            ("users", slice.Users.Count),
            ("posts", slice.Posts.Count),
            ("followers", slice.Follows.Select(f => f.TargetUserId).Distinct().LongCount()),
            ("follows", slice.Follows.Count),
            ("engagements", (long)slice.Engagements.Count),
        }.Where(s => s.Item2 > 0).ToDictionary(s => s.Item1, s => s.Item2);

    // Reports a slice's stage progress as progress through the whole plan; the stages a slice has nothing for are
    // left out, so a bar that finished is not reset by a later slice.
    private sealed class Progress(IProgress<ImportProgress> inner, Dictionary<string, long> offsets, Dictionary<string, long> totals) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            if (offsets.TryGetValue(value.Stage, out var offset))
            {
                inner.Report(value with { Done = offset + value.Done, Total = totals[value.Stage] });
            }
        }
    }
}
