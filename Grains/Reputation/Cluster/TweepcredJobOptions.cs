namespace Recsys.Grains.Reputation.Cluster;

/// <summary>
/// How the cluster runs the tweepcred job (the algorithm's own knobs are <see cref="TweepcredOptions"/>). All ours:
/// the published job is a Scalding batch with none of these.
/// </summary>
public sealed class TweepcredJobOptions
{
    /// <summary>The default value for <see cref="Partitions"/>: 0, two partitions per active silo.</summary>
    public const int DefaultPartitions = 0;

    /// <summary>The default value for <see cref="MaxMessageEntries"/>: 65,536 (a share message is then 512 KiB before base64).</summary>
    public const int DefaultMaxMessageEntries = 65_536;

    /// <summary>The largest <see cref="MaxMessageEntries"/>: an edge chunk of this many stays well inside the 16 MiB frame limit.</summary>
    public const int MaxMessageEntriesLimit = 262_144;

    /// <summary>The default value for <see cref="MaxParallelCalls"/>: 64, as the sample loader and fan-out use.</summary>
    public const int DefaultMaxParallelCalls = 64;

    /// <summary>The default value for <see cref="BatchUsers"/>: 1,024.</summary>
    public const int DefaultBatchUsers = 1_024;

    /// <summary>The default value for <see cref="StartFromPreviousRanks"/>: true (the published job starts from yesterday's mass).</summary>
    public const bool DefaultStartFromPreviousRanks = true;

    /// <summary>The default value for <see cref="DailyAt"/>: 03:00 UTC.</summary>
    public static readonly TimeSpan DefaultDailyAt = TimeSpan.FromHours(3);

    /// <summary>
    /// Partition grains the graph is spread over (users by user-index shard modulo this); 0 means two per active
    /// silo at the start of a run. More partitions mean more parallelism but more mirrored shares per superstep.
    /// </summary>
    public int Partitions { get; set; } = DefaultPartitions;

    /// <summary>Edges or rank shares per message between partitions, at most.</summary>
    public int MaxMessageEntries { get; set; } = DefaultMaxMessageEntries;

    /// <summary>Grain calls a partition keeps in flight when it reads or writes User grains.</summary>
    public int MaxParallelCalls { get; set; } = DefaultMaxParallelCalls;

    /// <summary>Users per batch when partitions read users and write scores.</summary>
    public int BatchUsers { get; set; } = DefaultBatchUsers;

    /// <summary>Start PageRank from each user's last PageRank where known (else from the prior).</summary>
    public bool StartFromPreviousRanks { get; set; } = DefaultStartFromPreviousRanks;

    /// <summary>UTC time of day of the daily run (the reminder is registered after the first run, or at silo start when scheduled).</summary>
    public TimeSpan DailyAt { get; set; } = DefaultDailyAt;
}
