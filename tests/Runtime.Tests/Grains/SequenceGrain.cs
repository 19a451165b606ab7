using Recsys.Runtime.Concurrency;

namespace Recsys.Runtime.Tests.Grains;

public abstract class SequenceGrainBase : Grain
{
    private readonly List<string> _log = [];

    public async Task Hold(string name)
    {
        _log.Add("start " + name);
        Probe.Signal(GrainId.Key + ":started:" + name);
        await Probe.Gate(GrainId.Key + ":" + name);
        _log.Add("end " + name);
    }

    public Task ReadHold(string name) => Hold(name);

    public Task Quick(string name)
    {
        _log.Add("start " + name);
        _log.Add("end " + name);
        return Task.CompletedTask;
    }

    public Task<string[]> Log() => Task.FromResult(_log.ToArray());
}

public sealed class SequenceGrain : SequenceGrainBase, ISequenceGrain
{
}

[Reentrant]
public sealed class ReentrantSequenceGrain : SequenceGrainBase, IReentrantSequenceGrain
{
}
