using Recsys.Runtime.Concurrency;

namespace Recsys.Runtime.Tests.Grains;

[StatelessWorker(2)]
public sealed class WorkerGrain : Grain, IWorkerGrain
{
    public async Task<long> HoldAndReportActivation(string gate)
    {
        Probe.Increment("worker-running:" + gate);
        Probe.Signal($"worker-running:{gate}:{Probe.Count("worker-running:" + gate)}");
        await Probe.Gate(gate);
        return Activation.ActivationId;
    }
}
