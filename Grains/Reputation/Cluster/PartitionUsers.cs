namespace Recsys.Grains.Reputation.Cluster;

/// <summary>
/// One partition's users after loading: local index = rank by user id, each user's follows as a row sorted by
/// target id with self-follows dropped and duplicates merged (weighted: the larger weight, floored at 1, as
/// <see cref="TweepcredCalculator"/> builds its graph). Rows still name targets by user id; whether a target
/// exists is for its owner to say.
/// </summary>
internal sealed class PartitionUsers
{
    public PartitionUsers(TweepcredUser[] users, int[] outOffsets, long[] outTargets, float[]? outWeights)
    {
        Users = users;
        OutOffsets = outOffsets;
        OutTargets = outTargets;
        OutWeights = outWeights;
        IndexById = new LongIndexMap(users.Select(u => u.UserId).ToArray());
    }

    public int Count => Users.Length;

    /// <summary>By local index, ascending user id.</summary>
    public TweepcredUser[] Users { get; }

    public int[] OutOffsets { get; }

    public long[] OutTargets { get; }

    public float[]? OutWeights { get; }

    public LongIndexMap IndexById { get; }

    public int EdgeCount => OutOffsets[^1];
}
