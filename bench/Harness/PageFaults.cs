namespace Recsys.Bench.Harness;

/// <summary>
/// The process's minor page faults, from /proc (Linux only; zero elsewhere). On this machine's guest a 4 KB fault
/// costs ~15 µs (bench/RESULTS.md, eleventh pass), so the count explains part of the CPU per event.
/// </summary>
public static class PageFaults
{
    /// <summary>Minor faults so far (field 10 of /proc/self/stat).</summary>
    public static long Minor()
    {
        if (!OperatingSystem.IsLinux())
        {
            return 0;
        }

        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // the command name may hold spaces; fields start at 3
        return long.Parse(fields[10 - 3], System.Globalization.CultureInfo.InvariantCulture);
    }
}
