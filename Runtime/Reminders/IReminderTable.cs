namespace Recsys.Runtime.Reminders;

/// <summary>
/// The durable reminder table (Orleans' OrleansRemindersTable shape). Rows are keyed by (service, grain, name);
/// each carries the grain's uniform hash so that a silo can read just the ring range it owns.
/// </summary>
public interface IReminderTable
{
    /// <summary>Creates the schema if needed. Idempotent; safe when several silos start at once.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Rows whose grain hash h lies in the ring range (begin, end]; begin == end means the whole ring.</summary>
    Task<IReadOnlyList<ReminderEntry>> ReadRangeAsync(uint begin, uint end, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId, CancellationToken cancellationToken = default);

    Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces the row; returns the new ETag.</summary>
    Task<string> UpsertRowAsync(ReminderEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Removes the row if its ETag still matches; false when it did not.</summary>
    Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken = default);
}

/// <summary>A durable reminder: first due at <see cref="StartAt"/>, then every <see cref="Period"/>.</summary>
public sealed record ReminderEntry(GrainId GrainId, string ReminderName, DateTimeOffset StartAt, TimeSpan Period, string? ETag = null);
