using Recsys.Grains.Models;
using Recsys.Grains.Ranking.Models;

namespace Recsys.Grains.Tests.Models;

/// <summary>Heads evaluated together transform each feature once, and give exactly what each head gives alone.</summary>
[Trait("Category", "BVT")]
[Trait("Area", "Models")]
public sealed class CompiledHeadsTests
{
    private static readonly string[] Schema = ["a", "b", "c"];

    // Head "same" agrees with "log" on every feature both weigh; "linear" reads b linearly where "log" log-scales it.
    private const string ThreeHeads = """
        { "format": 1, "name": "test-heads", "version": "trained-v1", "description": "test",
          "heads": [
            { "name": "log", "kind": "logistic", "intercept": { "weight": -1, "reason": "r" },
              "coefficients": [ { "feature": "a", "transform": "log1p", "weight": 0.5, "reason": "r" },
                                { "feature": "b", "transform": "log1p", "weight": -0.25, "reason": "r" } ] },
            { "name": "same", "kind": "linear", "intercept": { "weight": 2, "reason": "r" },
              "coefficients": [ { "feature": "a", "transform": "log1p", "weight": 1.5, "reason": "r" },
                                { "feature": "c", "transform": "linear", "weight": 3, "reason": "r" } ] },
            { "name": "linear", "kind": "logistic", "intercept": { "weight": 0.1, "reason": "r" },
              "coefficients": [ { "feature": "b", "transform": "linear", "weight": 0.75, "reason": "r" },
                                { "feature": "c", "transform": "log1p", "weight": 0.2, "reason": "r" } ] } ] }
        """;

    [Fact]
    public void HeadsThatAgreeOnTransformsShareOneTransformedVectorAndOthersGetTheirOwn()
    {
        var model = ModelFileReader.Parse(ThreeHeads, "test");
        var heads = new CompiledHeads(new[] { "log", "same", "linear" }.Select(h => CompiledHead.Compile(model, h, Schema)).ToArray());

        Assert.Equal(2, heads.TransformGroups);
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(3, 7.5, -2)]
    [InlineData(-4, 1e6, 0.25)]
    [InlineData(1, 2, double.PositiveInfinity)]
    [InlineData(double.NaN, 2, 3)]
    [InlineData(1e300, -1e300, 1e300)]
    public void EveryOutputIsExactlyWhatTheHeadGivesAlone(double a, double b, double c)
    {
        var model = ModelFileReader.Parse(ThreeHeads, "test");
        var compiled = new[] { "log", "same", "linear" }.Select(h => CompiledHead.Compile(model, h, Schema)).ToArray();
        double[] features = [a, b, c];
        var outputs = new double[3];

        new CompiledHeads(compiled).Evaluate(features, outputs);

        Assert.Equal(compiled.Select(h => h.Evaluate(features)), outputs);
    }

    [Fact]
    public void TheCommittedHeavyRankerNeedsOneTransformedVectorAndPredictsWhatEachHeadGives()
    {
        var model = EmbeddedModels.All.Single(m => m.Name == HeavyRanker.ModelName && m.Version == "default-v0");
        var ranker = HeavyRanker.Compile(model);
        var features = Enumerable.Range(0, HeavyRankerFeatures.Count).Select(i => i * 1.7 - 3).ToArray();
        var probabilities = new double[RankingHeads.Count];

        ranker.Predict(features, probabilities);

        Assert.Equal(1, new CompiledHeads(ranker.Heads).TransformGroups);
        Assert.Equal(ranker.Heads.Select(h => h.Evaluate(features)), probabilities);
    }

    [Fact]
    public void TheCommittedHeavyRankerPredictsBitForBitWhatEachHeadGivesOnRandomFeatures()
    {
        var ranker = HeavyRanker.Compile(EmbeddedModels.All.Single(m => m.Name == HeavyRanker.ModelName && m.Version == "default-v0"));
        var random = new Random(7);
        var probabilities = new double[RankingHeads.Count];
        for (var run = 0; run < 1_000; run++)
        {
            var features = Enumerable.Range(0, HeavyRankerFeatures.Count)
                .Select(_ => random.Next(4) == 0 ? 0 : Math.Pow(10, random.NextDouble() * 6 - 3) * (random.Next(5) == 0 ? -1 : 1)).ToArray();

            ranker.Predict(features, probabilities);

            Assert.Equal(ranker.Heads.Select(h => BitConverter.DoubleToInt64Bits(h.Evaluate(features))), probabilities.Select(BitConverter.DoubleToInt64Bits));
        }
    }

    [Fact]
    public void HeadsOverDifferentSchemasCannotBeEvaluatedTogether()
    {
        var model = ModelFileReader.Parse(ThreeHeads, "test");

        Assert.Throws<ArgumentException>(() => new CompiledHeads(
            [CompiledHead.Compile(model, "log", Schema), CompiledHead.Compile(model, "log", ["a", "b", "c", "d"])]));
    }
}
