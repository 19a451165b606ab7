namespace Recsys.Runtime.Storage;

/// <summary>A grain's durable state: the value, its ETag, and explicit read, write and clear.</summary>
public interface IPersistentState<TState>
{
    TState State { get; set; }

    /// <summary>The version last read or written; null when nothing is stored.</summary>
    string? Etag { get; }

    /// <summary>Whether storage holds a value for this state.</summary>
    bool RecordExists { get; }

    Task ReadStateAsync();

    /// <summary>Writes the state; a stale ETag throws <see cref="InconsistentStateException"/> and writes nothing.</summary>
    Task WriteStateAsync();

    Task ClearStateAsync();
}
