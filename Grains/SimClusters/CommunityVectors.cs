using Recsys.Grains.Interfaces.SimClusters;

namespace Recsys.Grains.SimClusters;

/// <summary>Converts between the pure <see cref="SparseVector"/> and the contracts' ranked <see cref="CommunityScore"/> lists.</summary>
public static class CommunityVectors
{
    /// <summary>Entries from the highest score down (equal scores: lower community id first).</summary>
    public static IReadOnlyList<CommunityScore> ToScores(SparseVector vector) =>
        vector.ByScoreDescending().Select(e => new CommunityScore(e.Cluster, e.Score)).ToArray();

    public static SparseVector ToVector(IReadOnlyList<CommunityScore> scores) =>
        scores.Count == 0 ? SparseVector.Empty : SparseVector.FromEntries(scores.Select(s => (s.CommunityId, s.Score)));
}
