namespace Recsys.Runtime.Concurrency;

/// <summary>
/// Many activations per identity, all local to the calling silo, never in the directory. A new worker is made only
/// when every existing one is busy and fewer than <see cref="MaxLocalWorkers"/> exist (default: the core count).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class StatelessWorkerAttribute : Attribute
{
    public StatelessWorkerAttribute()
    {
    }

    public StatelessWorkerAttribute(int maxLocalWorkers)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLocalWorkers);
        MaxLocalWorkers = maxLocalWorkers;
    }

    /// <summary>The pool limit per silo; 0 means <see cref="Environment.ProcessorCount"/>.</summary>
    public int MaxLocalWorkers { get; }
}
