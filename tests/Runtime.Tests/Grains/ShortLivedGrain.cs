namespace Recsys.Runtime.Tests.Grains;

[CollectionAgeLimit(2)]
public sealed class ShortLivedGrain : Grain, IShortLivedGrain
{
    public Task Touch() => Task.CompletedTask;

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        Probe.Signal($"short-deactivated:{GrainId.Key}:{reason.Code}");
        return Task.CompletedTask;
    }
}
