using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Recsys.Runtime.Storage;
using Recsys.Runtime.Tests.Grains;
using Recsys.Runtime.Tests.Support;

namespace Recsys.Runtime.Tests;

[Trait("Category", "BVT")]
[Trait("Area", "Persistence")]
public sealed class PersistentStateTests
{
    [Fact]
    public async Task StateIsLoadedBeforeOnActivateAsync()
    {
        await using var cluster = await OneSilo.StartAsync();
        var key = OneSilo.UniqueKey();
        var storage = cluster.Services.GetRequiredKeyedService<IGrainStorage>("Default");
        await storage.WriteAsync(GrainId.Create("profile", key), "profile", """{"name":"stored","writes":3}""", null);

        var profile = await cluster.GrainFactory.GetGrain<IProfileGrain>(key).Get();

        Assert.Equal("stored", profile.Name);
        await Probe.WhenSignalled("profile-loaded-before-activate:" + key + ":stored");
    }

    [Fact]
    public async Task AStaleWriteThrowsOverwritesNothingAndTheNextCallReadsFreshState()
    {
        await using var cluster = await OneSilo.StartAsync();
        var key = OneSilo.UniqueKey();
        var grain = cluster.GrainFactory.GetGrain<IProfileGrain>(key);
        var storage = cluster.Services.GetRequiredKeyedService<IGrainStorage>("Default");
        var grainId = grain.GetGrainId();
        await grain.SetName("mine");
        var etag = await grain.GetETag();

        // another writer gets there first
        await storage.WriteAsync(grainId, "profile", """{"name":"theirs","writes":9}""", etag);

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.SetName("lost"));

        var stored = await storage.ReadAsync(grainId, "profile");
        Assert.Equal("theirs", JsonDocument.Parse(stored!.Json!).RootElement.GetProperty("name").GetString());
        var fresh = await grain.Get();
        Assert.Equal("theirs", fresh.Name);
        Assert.Equal(2, Probe.Count("profile-activated:" + key));
    }

    [Fact]
    public async Task FlushOnDeactivateWritesChangedStateWhenTheActivationGoesAway()
    {
        var cluster = await OneSilo.StartAsync();
        var key = OneSilo.UniqueKey();
        var storage = cluster.Services.GetRequiredKeyedService<IGrainStorage>("Default");
        await cluster.GrainFactory.GetGrain<IProfileGrain>(key).SetNameWithoutWrite("in memory only");

        await cluster.StopSiloAsync();

        var stored = await storage.ReadAsync(GrainId.Create("profile", key), "profile");
        Assert.Contains("in memory only", stored!.Json);
    }

    [Fact]
    public async Task AGrainReferenceIsStoredInStateAsItsIdAndComesBackCallable()
    {
        await using var cluster = await OneSilo.StartAsync();
        var key = OneSilo.UniqueKey();
        var counterKey = OneSilo.UniqueLong();
        var grain = cluster.GrainFactory.GetGrain<IProfileGrain>(key);
        var storage = cluster.Services.GetRequiredKeyedService<IGrainStorage>("Default");

        await grain.SetFavourite(cluster.GrainFactory.GetGrain<ICounterGrain>(counterKey));
        var stored = await storage.ReadAsync(grain.GetGrainId(), "profile");
        var favourite = await grain.GetFavourite();

        Assert.Contains($"\"favourite\":\"counter/{counterKey}\"", stored!.Json);
        Assert.Equal(1, await favourite!.Increment());
    }

    [Fact]
    public async Task ClearRemovesTheStateButKeepsTheVersionMoving()
    {
        await using var cluster = await OneSilo.StartAsync();
        var grain = cluster.GrainFactory.GetGrain<IProfileGrain>(OneSilo.UniqueKey());
        await grain.SetName("gone soon");
        var before = await grain.GetETag();

        await grain.Clear();

        Assert.Equal("", (await grain.Get()).Name);
        Assert.NotEqual(before, await grain.GetETag());
        await grain.SetName("again");
        Assert.Equal("again", (await grain.Get()).Name);
    }
}
