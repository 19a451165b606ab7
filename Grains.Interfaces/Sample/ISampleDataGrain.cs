using Recsys.Runtime;

namespace Recsys.Grains.Interfaces.Sample;

/// <summary>Remembers which sample data sets were loaded (key 0).</summary>
public interface ISampleDataGrain : IGrainWithIntegerKey
{
    Task<SampleManifest?> GetLoaded(int seed, int users);

    Task RecordLoaded(SampleManifest manifest);
}
