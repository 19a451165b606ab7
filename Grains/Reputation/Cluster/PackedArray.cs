using System.Runtime.InteropServices;

namespace Recsys.Grains.Reputation.Cluster;

/// <summary>
/// Numeric arrays as raw little-endian bytes inside partition messages: between silos a byte[] travels as base64,
/// several times smaller and faster than a JSON number per entry; within a silo the array is passed as is.
/// </summary>
internal static class PackedArray
{
    public static byte[] Pack<T>(ReadOnlySpan<T> values)
        where T : unmanaged => MemoryMarshal.AsBytes(values).ToArray();

    public static ReadOnlySpan<T> Unpack<T>(byte[] bytes)
        where T : unmanaged => MemoryMarshal.Cast<byte, T>(bytes);
}
