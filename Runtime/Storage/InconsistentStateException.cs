namespace Recsys.Runtime.Storage;

/// <summary>
/// A write carried an ETag that no longer matches the stored version: another activation or writer got there
/// first. Nothing was written. When this escapes a grain method the runtime deactivates that activation, so the
/// next call re-reads fresh state (Orleans' semantics).
/// </summary>
public sealed class InconsistentStateException : Exception
{
    public InconsistentStateException(string message)
        : base(message)
    {
    }

    public InconsistentStateException(string message, string? storedETag, string? currentETag)
        : base(message)
    {
        StoredETag = storedETag;
        CurrentETag = currentETag;
    }

    /// <summary>The version found in storage, when the provider knows it.</summary>
    public string? StoredETag { get; }

    /// <summary>The version the writer expected.</summary>
    public string? CurrentETag { get; }
}
