using Microsoft.Extensions.DependencyInjection;
using Recsys.Grains.Interfaces.Errors;
using Recsys.Grains.Interfaces.Models;
using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Models;
using Recsys.Grains.Tests.Support;

namespace Recsys.Grains.Tests.Models;

[Trait("Category", "Functional")]
[Trait("Area", "Models")]
public sealed class ModelRegistryGrainTests
{
    private static readonly string Trained = TestModels.RealGraphVersion("trained");

    [Fact]
    public async Task AnUploadedVersionIsListedAndOnceActivatedScoresRealGraph()
    {
        await using var cluster = await DomainSilo.StartAsync();
        var registry = cluster.GrainFactory.GetGrain<IModelRegistryGrain>(0);
        var user = await new Entities(cluster.GrainFactory, DomainSilo.Start).UserAsync();

        var uploaded = await registry.Upload(Trained);
        Assert.Contains(await registry.List(), v => v.Version == uploaded.Version && v.Source == ModelSource.Uploaded && !v.Active);
        Assert.Equal("realgraph/default-v0", (await cluster.GrainFactory.GetGrain<IUserGrain>(user).GetRealGraph(10)).Model);

        var active = await registry.Activate("realgraph", uploaded.Version);

        Assert.Equal(uploaded.Version, active.Versions["realgraph"]);
        Assert.Equal($"realgraph/{uploaded.Version}", (await cluster.GrainFactory.GetGrain<IUserGrain>(user).GetRealGraph(10)).Model);
        Assert.Equal($"realgraph/{uploaded.Version}", (await cluster.GrainFactory.GetGrain<IUserGrain>(user).ExplainRealGraph(user + 1)).Model);
    }

    [Fact]
    public async Task AVersionIsImmutableAndAnUnknownOneCannotBeActivated()
    {
        await using var cluster = await DomainSilo.StartAsync();
        var registry = cluster.GrainFactory.GetGrain<IModelRegistryGrain>(0);
        await registry.Upload(Trained);

        await registry.Upload(Trained); // the same content again is fine
        var changed = await Assert.ThrowsAsync<ValidationException>(() => registry.Upload(Trained.Replace("a test version", "other")));
        var unknown = await Assert.ThrowsAsync<ValidationException>(() => registry.Activate("realgraph", "nope"));
        var broken = await Assert.ThrowsAsync<ValidationException>(() => registry.Upload("{}"));

        Assert.Equal("version", changed.Field);
        Assert.Equal("version", unknown.Field);
        Assert.Equal("file", broken.Field);
    }

    [Fact]
    public async Task ASiloPollingTheRegistryFetchesAndActivatesAVersionItLacks()
    {
        await using var cluster = await DomainSilo.StartAsync();
        var registry = cluster.GrainFactory.GetGrain<IModelRegistryGrain>(0);
        var uploaded = await registry.Upload(Trained);
        await registry.Activate("realgraph", uploaded.Version);
        var elsewhere = new ModelCatalog(cluster.Services.GetServices<ModelSchema>());
        var poller = ActivatorUtilities.CreateInstance<ModelRegistryPoller>(cluster.Services, elsewhere);

        Assert.Equal("default-v0", elsewhere.ActiveVersion("realgraph"));
        Assert.True(await poller.PollOnceAsync());

        Assert.Equal(uploaded.Version, elsewhere.ActiveVersion("realgraph"));
        Assert.False(await poller.PollOnceAsync());
    }
}
