using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Ranking.Models;
using Recsys.Grains.Training;
using Recsys.Grains.Training.Labels;

namespace Recsys.Grains.Tests.Training;

/// <summary>Hand-built served items, engagements and labelled examples for the training tests.</summary>
public static class TrainingData
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    public static ServedItem Served(long viewer, long post, long author = 100, DateTimeOffset? at = null, double[]? features = null, int position = 0) =>
        new(viewer, post, author, at ?? Start, position, "InNetwork", true, "default-v0", "default-v0", features ?? new double[HeavyRankerFeatures.Count]);

    public static LoggedEngagement Engagement(long user, EngagementAction action, long? post = null, long? target = null, DateTimeOffset? at = null, double? value = null) =>
        new(0, Guid.NewGuid().ToString("N"), user, action, post, target, null, at ?? Start.AddMinutes(5), value);

    /// <summary>Examples whose label for <paramref name="head"/> follows a logistic model of the real_graph and sim_clusters features.</summary>
    public static IReadOnlyList<LabelledExample> Synthetic(int count, RankingHead head, int seed, double intercept = -2, double realGraph = 3, double simClusters = 2)
    {
        var random = new Random(seed);
        var examples = new LabelledExample[count];
        for (var i = 0; i < count; i++)
        {
            var x = new double[HeavyRankerFeatures.Count];
            x[0] = random.NextDouble(); // real_graph
            x[2] = random.NextDouble() * 2 - 1; // sim_clusters
            x[10] = random.NextDouble() * 48; // age_hours, no effect
            var p = 1 / (1 + Math.Exp(-(intercept + realGraph * x[0] + simClusters * x[2])));
            var labels = new bool[RankingHeads.Count];
            labels[(int)head] = random.NextDouble() < p;
            examples[i] = new LabelledExample(Served(i % 50, i, at: Start.AddMinutes(i)) with { Features = x }, labels);
        }

        return examples;
    }
}
