using Recsys.Grains.Interfaces.Sample;
using Recsys.Runtime;
using Recsys.Runtime.Storage;

namespace Recsys.Grains.Sample;

/// <summary>Remembers the sample data sets loaded into this service, so loading one again is skipped.</summary>
[GrainType("sampledata")]
public sealed class SampleDataGrain([PersistentState("loaded")] IPersistentState<SampleDataState> state) : Grain, ISampleDataGrain
{
    public Task<SampleManifest?> GetLoaded(int seed, int users) =>
        Task.FromResult(state.State.Loaded.FirstOrDefault(m => m.Seed == seed && m.Users == users));

    public async Task RecordLoaded(SampleManifest manifest)
    {
        state.State.Loaded.RemoveAll(m => m.Seed == manifest.Seed && m.Users == manifest.Users);
        state.State.Loaded.Add(manifest);
        await state.WriteStateAsync();
    }
}

public sealed class SampleDataState
{
    public List<SampleManifest> Loaded { get; set; } = [];
}
