using Recsys.Runtime.Catalog;

namespace Recsys.Runtime.Scheduling;

/// <summary>
/// Installed while an activation's turn runs: every await in grain code captures it, so each continuation comes
/// back as another turn of the same activation (Orleans' per-activation scheduler, expressed as a context).
/// ConfigureAwait(false) and Task.Run leave it, as they leave Orleans' scheduler.
/// </summary>
internal sealed class ActivationSynchronizationContext : SynchronizationContext
{
    private readonly ActivationData _activation;

    public ActivationSynchronizationContext(ActivationData activation) => _activation = activation;

    public ActivationData Activation => _activation;

    public override void Post(SendOrPostCallback d, object? state) => _activation.EnqueueCallback(d, state);

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Blocking on a grain's turn would deadlock the activation.");

    public override SynchronizationContext CreateCopy() => this;
}
