using Recsys.Grains.Models;

namespace Recsys.Grains.Ranking.Models;

/// <summary>
/// The heavy ranker: one compiled logistic head per <see cref="RankingHead"/>, all from one version of the
/// "heavy-ranker" model file, over <see cref="HeavyRankerFeatures"/>.
/// </summary>
public sealed class HeavyRanker
{
    public const string ModelName = "heavy-ranker";

    private readonly CompiledHeads _all;

    public HeavyRanker(IReadOnlyList<CompiledHead> heads)
        : this(new CompiledHeads(heads))
    {
    }

    /// <summary>From heads already grouped (<see cref="ModelCatalog.ActiveHeads"/> keeps them per version).</summary>
    public HeavyRanker(CompiledHeads all)
    {
        var heads = all.Heads;
        if (heads.Count != RankingHeads.Count)
        {
            throw new ArgumentException($"the heavy ranker has {RankingHeads.Count} heads, got {heads.Count}");
        }

        for (var i = 0; i < heads.Count; i++)
        {
            if (heads[i].Head.Name != RankingHeads.Names[i] || !heads[i].Schema.SequenceEqual(HeavyRankerFeatures.Names))
            {
                throw new ArgumentException($"head {i} must be '{RankingHeads.Names[i]}' over the heavy-ranker features");
            }
        }

        Heads = heads;
        Version = heads[0].Model.Version;
        _all = all;
    }

    public IReadOnlyList<CompiledHead> Heads { get; }

    /// <summary>"heavy-ranker/default-v0" and the like.</summary>
    public string Version { get; }

    public static HeavyRanker Compile(ModelFile model) =>
        new(RankingHeads.Names.Select(h => CompiledHead.Compile(model, h, HeavyRankerFeatures.Names)).ToArray());

    public static HeavyRanker FromCatalog(ModelCatalog catalog) => new(catalog.ActiveHeads(ModelName, RankingHeads.Names));

    /// <summary>Each head's probability for one feature vector, into <paramref name="probabilities"/> (in <see cref="RankingHead"/> order).</summary>
    /// <remarks>Each feature is transformed once for all heads that agree on its transform (<see cref="CompiledHeads"/>).</remarks>
    public void Predict(ReadOnlySpan<double> features, Span<double> probabilities) => _all.Evaluate(features, probabilities);
}
