using Recsys.Grains.Interfaces.Models;
using Recsys.Grains.Models;
using Recsys.Grains.Ranking.Models;
using Recsys.Grains.Training.Labels;

namespace Recsys.Grains.Training.Evaluation;

/// <summary>
/// Scores held-out examples with a heavy-ranker version, exactly as serving evaluates it (<see cref="CompiledHead"/>
/// over the logged features), and measures each head's AUC and log loss against the examples' labels.
/// </summary>
public static class HeldOutEvaluator
{
    public static VersionMetrics Evaluate(ModelFile model, string role, IReadOnlyList<LabelledExample> test, IReadOnlyList<string?>? notes = null)
    {
        var ranker = HeavyRanker.Compile(model);
        var heads = new HeadMetrics[RankingHeads.Count];
        var features = new double[HeavyRankerFeatures.Count];
        for (var h = 0; h < RankingHeads.Count; h++)
        {
            var p = new double[test.Count];
            var y = new bool[test.Count];
            for (var i = 0; i < test.Count; i++)
            {
                Copy(test[i].Item.Features, features);
                p[i] = ranker.Heads[h].Evaluate(features);
                y[i] = test[i].Labels[h];
            }

            heads[h] = new HeadMetrics(RankingHeads.Names[h], test.Count, y.Count(l => l), Auc.Compute(p, y), LogLoss.Compute(p, y), notes?[h]);
        }

        return new VersionMetrics(model.Version, role, heads);
    }

    private static void Copy(IReadOnlyList<double> from, double[] to)
    {
        if (from.Count != to.Length)
        {
            throw new ArgumentException($"a logged feature vector has {from.Count} values; the heavy ranker reads {to.Length}");
        }

        for (var j = 0; j < to.Length; j++)
        {
            to[j] = from[j];
        }
    }
}
