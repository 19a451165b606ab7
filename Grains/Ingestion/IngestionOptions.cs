namespace Recsys.Grains.Ingestion;

/// <summary>How engagements are accepted, logged, delivered, checkpointed and pruned.</summary>
public sealed class IngestionOptions
{
    /// <summary>The default value for <see cref="MaxBatchEvents"/> (issue 5: more than 10,000 events is a 400).</summary>
    public const int DefaultMaxBatchEvents = 10_000;

    /// <summary>The default value for <see cref="MaxEventIdLength"/> (issue 5: ids up to 64 characters).</summary>
    public const int DefaultMaxEventIdLength = 64;

    /// <summary>The default value for <see cref="DedupRetention"/> (issue 5: event ids are kept 7 days).</summary>
    public static readonly TimeSpan DefaultDedupRetention = TimeSpan.FromDays(7);

    /// <summary>The default value for <see cref="MaxClockSkew"/> (ours).</summary>
    public static readonly TimeSpan DefaultMaxClockSkew = TimeSpan.FromMinutes(1);

    /// <summary>The default value for <see cref="CheckpointEveryEvents"/> (ours).</summary>
    public const int DefaultCheckpointEveryEvents = 1_000;

    /// <summary>The default value for <see cref="CheckpointInterval"/> (ours).</summary>
    public static readonly TimeSpan DefaultCheckpointInterval = TimeSpan.FromMinutes(1);

    /// <summary>The default value for <see cref="MaxEventsPerDelivery"/> (ours).</summary>
    public const int DefaultMaxEventsPerDelivery = 1_000;

    /// <summary>The default value for <see cref="ReplayPageSize"/> (ours).</summary>
    public const int DefaultReplayPageSize = 5_000;

    /// <summary>The most events one request may carry; a larger batch is refused whole.</summary>
    public int MaxBatchEvents { get; set; } = DefaultMaxBatchEvents;

    public int MaxEventIdLength { get; set; } = DefaultMaxEventIdLength;

    /// <summary>
    /// How long accepted event ids are remembered: a repeated id within it is never counted again. Log rows older
    /// than this are pruned once every grain they touch has checkpointed past them.
    /// </summary>
    public TimeSpan DedupRetention { get; set; } = DefaultDedupRetention;

    /// <summary>How far in the future an event time may be before it is refused (clients' clocks differ a little).</summary>
    public TimeSpan MaxClockSkew { get; set; } = DefaultMaxClockSkew;

    /// <summary>A grain checkpoints after applying this many events since its last checkpoint.</summary>
    public int CheckpointEveryEvents { get; set; } = DefaultCheckpointEveryEvents;

    /// <summary>A grain with applied but unsaved events checkpoints at least this often (and always on deactivation).</summary>
    public TimeSpan CheckpointInterval { get; set; } = DefaultCheckpointInterval;

    /// <summary>The most events one batcher call carries to one grain.</summary>
    public int MaxEventsPerDelivery { get; set; } = DefaultMaxEventsPerDelivery;

    /// <summary>How many log rows a grain reads per page when it replays its tail.</summary>
    public int ReplayPageSize { get; set; } = DefaultReplayPageSize;
}
