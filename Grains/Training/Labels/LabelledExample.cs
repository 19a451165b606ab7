namespace Recsys.Grains.Training.Labels;

/// <summary>A served item and its ten head labels (<see cref="Ranking.Models.RankingHead"/> order).</summary>
public sealed record LabelledExample(ServedItem Item, IReadOnlyList<bool> Labels);
