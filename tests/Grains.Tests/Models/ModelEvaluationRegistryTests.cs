using Recsys.Grains.Interfaces.Models;
using Recsys.Grains.Models;
using Recsys.Grains.Tests.Support;

namespace Recsys.Grains.Tests.Models;

[Trait("Category", "Functional")]
[Trait("Area", "Models")]
public sealed class ModelEvaluationRegistryTests
{
    private static readonly ModelFile HeavyDefault = EmbeddedModels.All.Single(m => m.Name == "heavy-ranker" && m.Version == "default-v0");

    [Fact]
    public async Task Every_trained_version_keeps_its_metrics_and_only_a_promoted_one_becomes_active()
    {
        await using var cluster = await DomainSilo.StartAsync();
        var registry = cluster.GrainFactory.GetGrain<IModelRegistryGrain>(0);

        var kept = await registry.UploadEvaluated(Version("trained-a"), Evaluation(promoted: false, auc: 0.61));
        var promoted = await registry.UploadEvaluated(Version("trained-b"), Evaluation(promoted: true, auc: 0.74));

        Assert.False(kept.Active);
        Assert.True(promoted.Active);
        Assert.Equal("trained-b", (await registry.GetActive()).Versions["heavy-ranker"]);
        var listed = (await registry.List()).Where(v => v.Name == "heavy-ranker").ToDictionary(v => v.Version);
        Assert.Equal(0.61, listed["trained-a"].Evaluation!.Versions[0].Heads[0].Auc);
        Assert.Equal(0.74, listed["trained-b"].Evaluation!.Versions[0].Heads[0].Auc);
        Assert.Null(listed["default-v0"].Evaluation);
    }

    private static string Version(string version) => ModelFileReader.Write(HeavyDefault with { Version = version, Description = "trained in a test" });

    private static ModelEvaluation Evaluation(bool promoted, double auc) =>
        new(DomainSilo.Start, 700, 300, DomainSilo.Start, [new VersionMetrics("candidate", "candidate", [new HeadMetrics("fav", 300, 40, auc, 0.3)])],
            promoted, promoted ? "promoted" : "kept");
}
