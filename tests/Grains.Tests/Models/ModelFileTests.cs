using Recsys.Grains.Models;
using Recsys.Grains.RealGraph;

namespace Recsys.Grains.Tests.Models;

[Trait("Category", "BVT")]
[Trait("Area", "Models")]
public sealed class ModelFileTests
{
    private const string Valid = """
        { "format": 1, "name": "realgraph", "version": "trained-v1", "description": "test",
          "heads": [ { "name": "prob_explicit", "kind": "logistic",
            "intercept": { "weight": -1, "reason": "a reason" },
            "coefficients": [ { "feature": "num_days", "transform": "linear", "weight": 0.5, "reason": "another reason" } ] } ] }
        """;

    [Fact]
    public void TheCommittedRealGraphDefaultLoadsWithAReasonForEveryCoefficient()
    {
        var model = EmbeddedModels.All.Single(m => m.Name == "realgraph" && m.Version == "default-v0");

        var head = Assert.Single(model.Heads);
        Assert.Equal(RealGraphOptions.HeadName, head.Name);
        Assert.Equal(RealGraphFeatures.Names.Order(), head.Coefficients.Select(c => c.Feature).Order());
        Assert.All(head.Coefficients, c => Assert.False(string.IsNullOrWhiteSpace(c.Reason)));
        CompiledHead.Compile(model, head.Name, RealGraphFeatures.Names);
    }

    [Fact]
    public void AFileWrittenAndReadAgainIsTheSameModel()
    {
        var model = ModelFileReader.Parse(Valid, "test");

        var again = ModelFileReader.Parse(ModelFileReader.Write(model), "again");

        Assert.Equal(ModelFileReader.Write(model), ModelFileReader.Write(again));
        Assert.Equal(FeatureTransform.Linear, again.Heads[0].Coefficients[0].Transform);
    }

    [Theory]
    [InlineData("\"reason\": \"another reason\"", "\"reason\": \"\"", "reason must be one line")]
    [InlineData("\"reason\": \"another reason\"", "\"reason\": \"two\\nlines\"", "reason must be one line")]
    [InlineData("\"format\": 1", "\"format\": 2", "format 2 is not supported")]
    [InlineData("\"version\": \"trained-v1\"", "\"version\": \"Trained V1\"", "version 'Trained V1'")]
    [InlineData("\"weight\": 0.5", "\"weight\": 0.5, \"extra\": 1", "not a model file")]
    [InlineData("\"kind\": \"logistic\"", "\"kind\": \"forest\"", "not a model file")]
    [InlineData("\"intercept\": { \"weight\": -1, \"reason\": \"a reason\" },", "", "intercept.weight is required")]
    public void ABrokenFileIsRefusedNamingTheProblem(string find, string replace, string problem)
    {
        var broken = Valid.Replace(find, replace);

        var error = Assert.Throws<ModelFileException>(() => ModelFileReader.Parse(broken, "models/x.json"));

        Assert.Contains(problem, error.Message);
        Assert.StartsWith("models/x.json: ", error.Message);
    }

    [Fact]
    public void AHeadNamingAFeatureTheConsumerDoesNotComputeDoesNotCompile()
    {
        var model = ModelFileReader.Parse(Valid.Replace("\"num_days\"", "\"num_planets\""), "test");

        var error = Assert.Throws<ModelFileException>(() => CompiledHead.Compile(model, "prob_explicit", RealGraphFeatures.Names));

        Assert.Contains("num_planets", error.Message);
    }

    [Fact]
    public void TheDefaultVersionIsTheHighestEmbeddedDefault()
    {
        var schema = new ModelSchema("realgraph", "prob_explicit", RealGraphFeatures.Names);
        var v0 = ModelFileReader.Parse(Valid.Replace("trained-v1", "default-v0"), "v0");
        var v2 = ModelFileReader.Parse(Valid.Replace("trained-v1", "default-v2"), "v2");
        var catalog = new ModelCatalog([schema], [v0, v2, ModelFileReader.Parse(Valid, "t")]);

        Assert.Equal("default-v2", catalog.ActiveVersion("realgraph"));
        Assert.Null(catalog.DefaultVersion("light-ranker"));
    }
}
