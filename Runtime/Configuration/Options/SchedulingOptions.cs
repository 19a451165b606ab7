namespace Recsys.Runtime.Configuration.Options;

/// <summary>How activations' turns run on the shared thread pool.</summary>
public sealed class SchedulingOptions
{
    /// <summary>
    /// Whether a turn starts loading, into the cache, the next four activations its thread is likely to run, with their
    /// grains, first requests and states (ours, issue 6: calls spread over many cold grains spend much of their time
    /// waiting for memory, and these loads can overlap the running turn). Only a hint to the processor: it changes no
    /// behaviour. Off to measure what it saves.
    /// </summary>
    public bool PrefetchNextTurns { get; set; } = true;
}
