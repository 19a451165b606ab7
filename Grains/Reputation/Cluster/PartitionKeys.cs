using Recsys.Runtime;

namespace Recsys.Grains.Reputation.Cluster;

/// <summary>
/// Chooses the partition grains' keys so that hash-based placement (the grain id's hash modulo the active silos, in
/// address order) puts partition p on silo p mod S: consecutive keys would land wherever their hashes fall, often
/// several on one silo and none on another. Keys are the smallest that fit, so the same cluster size gives the
/// same keys every run.
/// </summary>
internal static class PartitionKeys
{
    public static long[] Spread(int partitions, int silos)
    {
        var keys = new long[partitions];
        long next = 0;
        for (var p = 0; p < partitions; p++)
        {
            var silo = (uint)(p % silos);
            while (GrainId.Create(TweepcredPartitionGrain.TypeName, next).GetUniformHashCode() % (uint)silos != silo)
            {
                next++;
            }

            keys[p] = next++;
        }

        return keys;
    }
}
