namespace Recsys.Grains.SimClusters;

/// <summary>A post's decayed score in one community, valued at <paramref name="At"/>.</summary>
public readonly record struct TopPost(long PostId, double Score, DateTimeOffset At);
