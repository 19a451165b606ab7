using Recsys.Grains.Models;
using Recsys.Grains.Ranking.Models;

namespace Recsys.Grains.Training.Learning;

/// <summary>A trained model file and, per head (<see cref="RankingHead"/> order), why it was not trained (null: trained).</summary>
public sealed record TrainedModel(ModelFile Model, IReadOnlyList<string?> Notes);
