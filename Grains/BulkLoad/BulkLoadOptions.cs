using Recsys.Grains.Import;
using Recsys.Runtime.Configuration.Options;

namespace Recsys.Grains.BulkLoad;

/// <summary>How a <see cref="BulkLoader"/> runs.</summary>
public sealed class BulkLoadOptions
{
    /// <summary>The default value for <see cref="ShutdownTimeout"/> (ours: deactivating a few hundred thousand grains takes seconds, not an hour).</summary>
    public static readonly TimeSpan DefaultShutdownTimeout = TimeSpan.FromHours(1);

    /// <summary>The service whose rows are loaded (the silos' ClusterOptions.ServiceId).</summary>
    public string ServiceId { get; set; } = ClusterOptions.DefaultServiceId;

    /// <summary>The clock of the private silo (tests pass a manual one, so a bulk load and an API load see the same times).</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>User and post calls in flight inside the private silo.</summary>
    public int Parallelism { get; set; } = ImportRunnerOptions.DefaultParallelism;

    /// <summary>
    /// The default value for <see cref="ItemsPerTransaction"/> (ours, measured on the For You benchmark's world of
    /// 100,000 users following 100 each: the loading process stayed between 3 and 10 GiB, 2.5 of them the generated
    /// data; each chunk reactivates the users it touches, so much smaller chunks spend their time re-reading them).
    /// </summary>
    public const int DefaultItemsPerTransaction = 250_000;

    /// <summary>
    /// Items (users, posts, follows, events) after which the private silo stops and what it changed is written in
    /// one transaction; the next items run in a fresh silo that reads it back. Bounds the memory a load holds.
    /// </summary>
    public int ItemsPerTransaction { get; set; } = DefaultItemsPerTransaction;

    /// <summary>How long the private silo may take to deactivate every grain it loaded.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = DefaultShutdownTimeout;

    /// <summary>Throws ArgumentException for a value out of range.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ServiceId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Parallelism);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ItemsPerTransaction);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ShutdownTimeout, TimeSpan.Zero);
    }
}
