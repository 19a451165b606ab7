using Recsys.Grains.Interfaces.Engagements;

namespace Recsys.Grains.Ingestion.Log;

/// <summary>
/// The durable event log of accepted engagements (a table in SQLite or PostgreSQL, or memory in tests). Every
/// event gets a global sequence; commits happen in sequence order, so a reader that sees sequence n sees every
/// earlier one. Event ids are unique: appending a known id does nothing and reports it as a duplicate.
/// </summary>
public interface IEngagementLog
{
    /// <summary>
    /// Appends the events in one transaction. Returns, per event, its sequence, or 0 when its id was already in
    /// the log (a duplicate: not appended again). Ids within <paramref name="events"/> must be distinct.
    /// </summary>
    Task<long[]> AppendAsync(IReadOnlyList<PendingEngagement> events, DateTimeOffset acceptedAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// The events a grain must apply with sequence above <paramref name="afterSequence"/>, in sequence order, at most
    /// <paramref name="max"/>: for a post those on it; for a user those it made or that are about it. Events at or
    /// below the grain's recorded checkpoint may be left out (a replay starts above it; the SQLite log keeps no more).
    /// </summary>
    Task<IReadOnlyList<LoggedEngagement>> ReadAsync(LogStream stream, long key, long afterSequence, int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every event with sequence above <paramref name="afterSequence"/>, in sequence order, at most <paramref name="max"/>,
    /// whatever the checkpoints: the log page by page, along its primary key (training reads the viewers' histories so).
    /// </summary>
    Task<IReadOnlyList<LoggedEngagement>> ReadAllAsync(long afterSequence, int max, CancellationToken cancellationToken = default);

    /// <summary>Records that a grain's checkpoint covers every event up to <paramref name="appliedThrough"/> (never moves back).</summary>
    Task RecordCheckpointAsync(LogStream stream, long key, long appliedThrough, CancellationToken cancellationToken = default);

    /// <summary>Grains with events accepted before <paramref name="acceptedBefore"/> that their checkpoints do not cover yet.</summary>
    Task<IReadOnlyList<GrainCheckpointLag>> FindLaggingAsync(DateTimeOffset acceptedBefore, int max, CancellationToken cancellationToken = default);

    /// <summary>Deletes events accepted before <paramref name="acceptedBefore"/> that every grain they touch has checkpointed; returns how many.</summary>
    Task<int> PruneAsync(DateTimeOffset acceptedBefore, CancellationToken cancellationToken = default);
}

/// <summary>Which kind of grain reads a log stream.</summary>
public enum LogStream
{
    Post,
    User,
}

/// <summary>
/// An accepted event about to be logged, with the user it is about (null when that is the actor). A log that lists
/// grain sequences (the SQLite log) sets <see cref="Predecessors"/> as it appends the event.
/// </summary>
public sealed record PendingEngagement(EngagementEvent Event, long? SubjectId)
{
    public GrainPredecessors Predecessors { get; set; }
}

/// <summary>A grain whose checkpoint is behind old log rows.</summary>
public sealed record GrainCheckpointLag(LogStream Stream, long Key);
