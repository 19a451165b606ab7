using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Recsys.Runtime.Scheduling;

/// <summary>Asks the processor to start loading an object's first cache lines, without waiting for them.</summary>
internal static class CachePrefetch
{
    public const int LineBytes = 64;

    /// <summary>Whether this processor takes prefetch hints (x86; elsewhere every call does nothing).</summary>
    public static bool IsSupported => Sse.IsSupported;

    public static unsafe void Lines(object? target, int lines)
    {
        if (target is null || !Sse.IsSupported)
        {
            return;
        }

        // The GC may move the object before the load lands: a prefetch of a stale address is still harmless (it never faults).
        var address = (byte*)Unsafe.As<object, nint>(ref target);
        for (var i = 0; i < lines; i++)
        {
            Sse.Prefetch0(address + (i * LineBytes));
        }
    }
}
