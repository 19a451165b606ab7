namespace Recsys.Grains.Interfaces.Timeline;

/// <summary>
/// Why an item is on the page: its candidate source and social proof, the light ranker's score, each heavy-ranker
/// head's probability, the versions of the models used, the weighted model score, every heuristic factor applied
/// (final score = weighted score x the product of the factors) and the filters the item passed, in order.
/// </summary>
public sealed record ForYouExplain(
    string Source,
    IReadOnlyList<long> SocialProof,
    long? RepostedBy,
    double LightScore,
    IReadOnlyDictionary<string, double> Heads,
    IReadOnlyDictionary<string, string> ModelVersions,
    double WeightedScore,
    IReadOnlyList<HeuristicFactor> Factors,
    double FinalScore,
    IReadOnlyList<string> FiltersPassed,
    IReadOnlyDictionary<string, double> Features);

/// <summary>One multiplicative re-scoring factor (1 when it did not apply is left out).</summary>
public sealed record HeuristicFactor(string Name, double Factor);
