using System.Collections.Concurrent;

namespace Recsys.Runtime.Tests.Grains;

/// <summary>
/// Lets a test wait for something a grain does (no sleeps): grains signal named events, tests await them.
/// Each test uses its own keys, so tests running in parallel never see each other's events.
/// </summary>
public static class Probe
{
    private static readonly ConcurrentDictionary<string, TaskCompletionSource> Signals = new();
    private static readonly ConcurrentDictionary<string, int> Counters = new();

    public static void Signal(string name) => Get(name).TrySetResult();

    public static Task WhenSignalled(string name) => Get(name).Task.WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>A gate a grain awaits until the test opens it.</summary>
    public static Task Gate(string name) => Get("gate:" + name).Task;

    public static void Open(string name) => Get("gate:" + name).TrySetResult();

    public static int Increment(string name) => Counters.AddOrUpdate(name, 1, (_, v) => v + 1);

    public static int Count(string name) => Counters.TryGetValue(name, out var v) ? v : 0;

    private static TaskCompletionSource Get(string name) =>
        Signals.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
