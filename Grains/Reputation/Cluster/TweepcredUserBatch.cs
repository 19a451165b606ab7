namespace Recsys.Grains.Reputation.Cluster;

/// <summary>
/// Users of one partition with their follows, as an <see cref="ITweepcredGraphStore"/> yields them: user i follows
/// <c>Follows[FollowOffsets[i] .. FollowOffsets[i + 1])</c>, with the matching weights when the run is weighted.
/// </summary>
public sealed class TweepcredUserBatch
{
    public TweepcredUserBatch(TweepcredUser[] users, int[] followOffsets, long[] follows, float[]? followWeights, double progress)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(followOffsets);
        ArgumentNullException.ThrowIfNull(follows);
        if (followOffsets.Length != users.Length + 1 || followOffsets[^1] > follows.Length
            || (followWeights is not null && followWeights.Length < followOffsets[^1]))
        {
            throw new ArgumentException("followOffsets must have one entry per user plus one, within follows (and weights).");
        }

        Users = users;
        FollowOffsets = followOffsets;
        Follows = follows;
        FollowWeights = followWeights;
        Progress = progress;
    }

    public TweepcredUser[] Users { get; }

    public int[] FollowOffsets { get; }

    public long[] Follows { get; }

    /// <summary>One weight per follow in a weighted run; null otherwise (every follow weighs 1).</summary>
    public float[]? FollowWeights { get; }

    /// <summary>How far the store is through this partition's users, 0..1, for progress reports.</summary>
    public double Progress { get; }
}

/// <summary>One user's prior facts and yesterday's PageRank (null before the first run).</summary>
public readonly record struct TweepcredUser(
    long UserId, DateTimeOffset SignupTime, bool Verified, bool HasDevice, bool Suspended, bool Restricted, double? PreviousPageRank);
