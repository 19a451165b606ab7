using Recsys.Runtime.Configuration.Options;

namespace Recsys.Bench.Harness;

/// <summary>
/// For benches that build their silo in code: the switch the silo process binds from configuration,
/// <c>Recsys__Scheduling__PrefetchNextTurns=false</c> measuring a run without the prefetch of next turns (issue 6).
/// </summary>
public static class SchedulingSwitch
{
    public static void Apply(SchedulingOptions options) =>
        options.PrefetchNextTurns = !string.Equals(Environment.GetEnvironmentVariable("Recsys__Scheduling__PrefetchNextTurns"), "false", StringComparison.OrdinalIgnoreCase);
}
