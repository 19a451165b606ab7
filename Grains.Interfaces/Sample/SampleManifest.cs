namespace Recsys.Grains.Interfaces.Sample;

/// <summary>What sample data set was loaded into this service, so that loading it again is skipped.</summary>
public sealed record SampleManifest(
    int Seed,
    int Users,
    int Follows,
    int Posts,
    int Engagements,
    DateTimeOffset LoadedAt);
