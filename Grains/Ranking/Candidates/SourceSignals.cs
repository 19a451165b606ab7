using System.Runtime.InteropServices;

namespace Recsys.Grains.Ranking.Candidates;

/// <summary>
/// What a candidate source knows about a post before hydration, the light ranker's features: engagement counts as
/// the source saw them (the social-graph source counts the viewer's followees' engagements, the popular source the
/// post's own), the viewer's RealGraph score for the author or the proof users (0..1), the source's similarity
/// score (SimClusters: viewer-post dot product) and the source's own weight (social graph: summed seed weights).
/// </summary>
public sealed record SourceSignals
{
    public static readonly SourceSignals None = new(EngagementCounts.Zero, 0, 0, 0);

    // Most sources measure no engagements (in-network, SimClusters): their signals keep no counts rather than
    // thirteen zeros, since every candidate carries its own signals.
    private readonly Counted? _engagements;

    public SourceSignals(EngagementCounts engagements, double realGraph, double similarity, double sourceWeight)
    {
        Engagements = engagements;
        RealGraph = realGraph;
        Similarity = similarity;
        SourceWeight = sourceWeight;
    }

    public EngagementCounts Engagements
    {
        get => _engagements?.Counts ?? EngagementCounts.Zero;
        init => _engagements = IsZero(value) ? null : new Counted(value);
    }

    public double RealGraph { get; init; }

    public double Similarity { get; init; }

    public double SourceWeight { get; init; }

    public void Deconstruct(out EngagementCounts engagements, out double realGraph, out double similarity, out double sourceWeight) =>
        (engagements, realGraph, similarity, sourceWeight) = (Engagements, RealGraph, Similarity, SourceWeight);

    // Every bit zero (a -0 count is kept as it is).
    private static bool IsZero(EngagementCounts counts) =>
        MemoryMarshal.AsBytes(new ReadOnlySpan<EngagementCounts>(in counts)).IndexOfAnyExcept((byte)0) < 0;

    private sealed record Counted(EngagementCounts Counts);
}
