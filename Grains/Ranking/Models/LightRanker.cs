using Recsys.Grains.Models;

namespace Recsys.Grains.Ranking.Models;

/// <summary>The light ranker: the "engagement" head of one version of the "light-ranker" model file, over <see cref="LightRankerFeatures"/>.</summary>
public sealed class LightRanker
{
    public const string ModelName = "light-ranker";

    public const string HeadName = "engagement";

    public LightRanker(CompiledHead head)
    {
        if (head.Head.Name != HeadName || !head.Schema.SequenceEqual(LightRankerFeatures.Names))
        {
            throw new ArgumentException($"the light ranker is head '{HeadName}' over the light-ranker features");
        }

        Head = head;
        Version = head.Model.Version;
    }

    public CompiledHead Head { get; }

    public string Version { get; }

    public static LightRanker Compile(ModelFile model) => new(CompiledHead.Compile(model, HeadName, LightRankerFeatures.Names));

    public static LightRanker FromCatalog(ModelCatalog catalog) => new(catalog.Active(ModelName, HeadName));

    public double Predict(ReadOnlySpan<double> features) => Head.Evaluate(features);
}
