namespace Recsys.Grains.Ranking.Candidates;

/// <summary>
/// What a candidate source knows about a post before hydration, the light ranker's features: engagement counts as
/// the source saw them (the social-graph source counts the viewer's followees' engagements, the popular source the
/// post's own), the viewer's RealGraph score for the author or the proof users (0..1), the source's similarity
/// score (SimClusters: viewer-post dot product) and the source's own weight (social graph: summed seed weights).
/// </summary>
public sealed record SourceSignals(EngagementCounts Engagements, double RealGraph, double Similarity, double SourceWeight)
{
    public static readonly SourceSignals None = new(EngagementCounts.Zero, 0, 0, 0);
}
