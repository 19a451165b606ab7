namespace Recsys.Grains.Models;

/// <summary>How a silo follows the model registry.</summary>
public sealed class ModelOptions
{
    /// <summary>The default value for <see cref="PollInterval"/> (ours: a new version reaches every silo within half a minute).</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(30);

    /// <summary>The shortest allowed <see cref="PollInterval"/> (ours).</summary>
    public static readonly TimeSpan MinPollInterval = TimeSpan.FromSeconds(1);

    /// <summary>How often each silo asks the registry for the active versions (and fetches files it lacks).</summary>
    public TimeSpan PollInterval { get; set; } = DefaultPollInterval;

    /// <summary>Whether the silo polls at all (off: embedded defaults, plus what this silo's registry activation sets).</summary>
    public bool Poll { get; set; } = true;
}
