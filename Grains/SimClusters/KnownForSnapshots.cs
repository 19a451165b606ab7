using Recsys.Grains.Interfaces.SimClusters;

namespace Recsys.Grains.SimClusters;

/// <summary>Converts a KnownFor assignment to and from the compact form the model grain stores.</summary>
public static class KnownForSnapshots
{
    public static KnownForSnapshot ToSnapshot(KnownForAssignment assignment, int modelVersion, DateTimeOffset computedAt)
    {
        var producers = assignment.Producers.Keys.Order().ToArray();
        var communities = new int[producers.Length];
        var scores = new float[producers.Length];
        for (var i = 0; i < producers.Length; i++)
        {
            (communities[i], scores[i]) = (assignment.Producers[producers[i]].Cluster, assignment.Producers[producers[i]].Score);
        }

        return new KnownForSnapshot(modelVersion, computedAt, assignment.ClusterCount, producers, communities, scores);
    }

    public static KnownForAssignment ToAssignment(KnownForSnapshot snapshot)
    {
        var producers = new Dictionary<long, KnownForMembership>(snapshot.Producers.Count);
        for (var i = 0; i < snapshot.Producers.Count; i++)
        {
            producers[snapshot.Producers[i]] = new KnownForMembership(snapshot.Communities[i], snapshot.Scores[i]);
        }

        return new KnownForAssignment(snapshot.ClusterCount, producers);
    }
}
