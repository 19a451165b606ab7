using System.Globalization;
using Recsys.Grains.Models;
using Recsys.Grains.Ranking.Models;
using Recsys.Grains.Training.Labels;

namespace Recsys.Grains.Training.Learning;

/// <summary>
/// Trains a new heavy-ranker version: one L2 logistic regression per head on the training examples' logged features.
/// A head without a label source, or with fewer than <see cref="HeadTrainingSettings.MinPositives"/> positives or
/// negatives, keeps the <c>fallback</c> version's head unchanged (so a rare label never gets a model fitted to a
/// handful of events), and says so in its note.
/// </summary>
public static class HeavyRankerTrainer
{
    public static TrainedModel Train(IReadOnlyList<LabelledExample> train, ModelFile fallback, HeadTrainingSettings settings, string version)
    {
        var x = train.Select(e => TrainingFeatures.Transform(e.Item.Features)).ToArray();
        var heads = new ModelHead[RankingHeads.Count];
        var notes = new string?[RankingHeads.Count];
        for (var h = 0; h < RankingHeads.Count; h++)
        {
            var name = RankingHeads.Names[h];
            var y = train.Select(e => e.Labels[h]).ToArray();
            var positives = y.Count(l => l);
            var negatives = y.Length - positives;
            var carried = fallback.Head(name) ?? throw new ModelFileException(fallback.ToString(), $"has no head '{name}'");
            if (!HeadLabelRules.HasLabelSource((RankingHead)h))
            {
                (heads[h], notes[h]) = (carried, $"no label source; kept {fallback.Version}");
                continue;
            }

            if (positives < settings.MinPositives || negatives < settings.MinPositives)
            {
                (heads[h], notes[h]) = (carried, $"{positives} positives of {y.Length} (fewer than {settings.MinPositives}); kept {fallback.Version}");
                continue;
            }

            var fit = LogisticRegression.Fit(x, y, settings.L2, settings.BalanceClasses);
            heads[h] = ToHead(name, fit, positives, y.Length, settings);
        }

        var description = string.Create(CultureInfo.InvariantCulture,
            $"Trained from {train.Count} served items labelled by the viewers' engagements within 24 h (L2 logistic regression per head, standardised features, classes balanced then recalibrated). Heads without enough labels keep {fallback.Version}.");
        return new TrainedModel(new ModelFile(ModelFile.CurrentFormat, HeavyRanker.ModelName, version, description, heads), notes);
    }

    private static ModelHead ToHead(string name, LogisticFit fit, int positives, int examples, HeadTrainingSettings settings)
    {
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"Fitted on {examples} examples, {positives} positive (L2 {settings.L2}, {(fit.Converged ? "converged" : "iteration cap")} after {fit.Iterations} Newton steps).");
        var coefficients = new List<ModelCoefficient>();
        for (var j = 0; j < fit.Weights.Count; j++)
        {
            if (fit.Weights[j] != 0)
            {
                coefficients.Add(new ModelCoefficient(HeavyRankerFeatures.Names[j], fit.Weights[j], TrainingFeatures.Transforms[j], reason));
            }
        }

        var prior = string.Create(CultureInfo.InvariantCulture, $"Fitted: log-odds at the features' zero point, corrected to the observed rate {positives / (double)examples:G3}.");
        return new ModelHead(name, HeadKind.Logistic, new ModelTerm(fit.Intercept, prior), coefficients);
    }
}
