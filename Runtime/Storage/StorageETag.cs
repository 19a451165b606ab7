using System.Globalization;

namespace Recsys.Runtime.Storage;

/// <summary>ETags are the row version as an invariant decimal string; this keeps the three providers in step.</summary>
internal static class StorageETag
{
    public static string Format(int version) => version.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string? eTag, out int version) =>
        int.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out version);

    /// <summary>The exception for a failed compare-and-swap; <paramref name="storedVersion"/> is null when no row exists.</summary>
    public static InconsistentStateException Conflict(string operation, GrainId grainId, string stateName, int? storedVersion, string? expectedETag)
    {
        var stored = storedVersion is { } v ? Format(v) : null;
        var message = $"Version conflict ({operation}) on grain {grainId}, state '{stateName}': " +
            $"expected ETag {expectedETag ?? "<none: first write>"}, stored ETag {stored ?? "<no row>"}.";
        return new InconsistentStateException(message, stored, expectedETag);
    }
}
