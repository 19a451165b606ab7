namespace Recsys.Grains.Training.ServedLog;

/// <summary>
/// How served items are logged for training (all ours: the published system logs served items to its client-event
/// pipeline, not in these terms). The log lives where the engagement log lives (<see cref="Ingestion.Log.EngagementLogOptions"/>:
/// memory, the silo's SQLite file, or PostgreSQL).
/// </summary>
public sealed class ServedLogOptions
{
    /// <summary>The default value for <see cref="BufferCapacity"/>: 100,000 items (about 30 MB; ten seconds of 64 viewers' pages at 300 pages/s).</summary>
    public const int DefaultBufferCapacity = 100_000;

    /// <summary>The default value for <see cref="BatchSize"/>: 2,000 items per write (one transaction or COPY).</summary>
    public const int DefaultBatchSize = 2_000;

    /// <summary>The default value for <see cref="FlushInterval"/>: 1 s, the data a crash may lose.</summary>
    public static readonly TimeSpan DefaultFlushInterval = TimeSpan.FromSeconds(1);

    /// <summary>The default value for <see cref="Retention"/>: 7 days, as the engagement log's dedup retention (more than the training look-back).</summary>
    public static readonly TimeSpan DefaultRetention = TimeSpan.FromDays(7);

    /// <summary>Whether served items are logged at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Items buffered in memory before they are written; when full, new items are dropped (and counted), never waited for.</summary>
    public int BufferCapacity { get; set; } = DefaultBufferCapacity;

    /// <summary>Items per write.</summary>
    public int BatchSize { get; set; } = DefaultBatchSize;

    /// <summary>How long items gather before a write, unless a batch fills first.</summary>
    public TimeSpan FlushInterval { get; set; } = DefaultFlushInterval;

    /// <summary>How long logged items are kept (the "prune-served-log" job deletes older ones).</summary>
    public TimeSpan Retention { get; set; } = DefaultRetention;
}
