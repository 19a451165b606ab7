namespace Recsys.Runtime.Storage;

/// <summary>
/// A grain state store. State travels as JSON text, so that an admin can read it and every provider stores
/// the same bytes. Every write and clear is a compare-and-swap on the ETag (the row version, as in Orleans'
/// OrleansStorage): a stale ETag throws <see cref="InconsistentStateException"/> and changes nothing.
/// </summary>
public interface IGrainStorage
{
    /// <summary>Reads the stored state, or null when nothing was ever written.</summary>
    Task<GrainStateRecord?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes <paramref name="json"/> if the stored version still equals <paramref name="expectedETag"/>
    /// (null: the row must not exist yet). Returns the new ETag.
    /// </summary>
    Task<string> WriteAsync(GrainId grainId, string stateName, string json, string? expectedETag, CancellationToken cancellationToken = default);

    /// <summary>Clears the state (the payload becomes null, the version still advances). Returns the new ETag.</summary>
    Task<string> ClearAsync(GrainId grainId, string stateName, string? expectedETag, CancellationToken cancellationToken = default);
}

/// <summary>One stored state: the JSON (null once cleared), its version as ETag, and when it was last written.</summary>
public sealed record GrainStateRecord(string? Json, string ETag, DateTimeOffset ModifiedOn);
