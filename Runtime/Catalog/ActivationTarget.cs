using Recsys.Runtime.Invocation;

namespace Recsys.Runtime.Catalog;

/// <summary>What the catalog maps a grain id to: one activation, or a local pool of stateless workers.</summary>
internal abstract class ActivationTarget(GrainId grainId)
{
    /// <summary>The grain this target serves; the catalog's table confirms a lookup by it.</summary>
    public GrainId GrainId { get; } = grainId;

    /// <summary>Queues the request; false when this target is gone and the caller must look again.</summary>
    public abstract bool TryEnqueue(Invokable request);

    /// <summary>The activations behind this target, for sweeps and shutdown.</summary>
    public abstract IEnumerable<ActivationData> Activations { get; }
}
