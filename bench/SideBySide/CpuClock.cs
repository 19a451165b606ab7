using System.Diagnostics;
using Npgsql;

namespace Recsys.Bench.SideBySide;

/// <summary>
/// CPU time spent so far, to charge each system for the processor it used and not only the wall time: the box is
/// shared, and the scheduler gives PostgreSQL's many backend processes a different share than the one bench process.
/// </summary>
public static class CpuClock
{
    public static TimeSpan ThisProcess()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    /// <summary>Each server process's CPU time (backends and background processes, as pg_stat_activity lists them), by pid.</summary>
    public static async Task<IReadOnlyDictionary<int, TimeSpan>> ServerAsync(NpgsqlDataSource db)
    {
        await using var command = db.CreateCommand("SELECT pid FROM pg_stat_activity");
        await using var reader = await command.ExecuteReaderAsync();
        var times = new Dictionary<int, TimeSpan>();
        while (await reader.ReadAsync())
        {
            var pid = reader.GetInt32(0);
            try
            {
                using var process = Process.GetProcessById(pid);
                times[pid] = process.TotalProcessorTime;
            }
            catch (ArgumentException)
            {
                // The process ended between the listing and the read: its time is no longer countable.
            }
        }

        return times;
    }

    /// <summary>CPU the server used between two readings; a process that ended in between is not counted.</summary>
    public static TimeSpan Used(IReadOnlyDictionary<int, TimeSpan> before, IReadOnlyDictionary<int, TimeSpan> after) =>
        after.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Value - before.GetValueOrDefault(p.Key));
}
