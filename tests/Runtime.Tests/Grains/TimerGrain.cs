using Recsys.Runtime.Timers;

namespace Recsys.Runtime.Tests.Grains;

public sealed class TimerGrain : Grain, ITimerGrain
{
    private IGrainTimer? _timer;
    private int _ticks;
    private bool _inTurn;

    public Task Start(TimeSpan period, bool keepAlive)
    {
        _timer = RegisterGrainTimer(OnTick, new GrainTimerCreationOptions(period, period) { KeepAlive = keepAlive });
        return Task.CompletedTask;
    }

    public async Task Hold(string gate)
    {
        Probe.Signal("timer-hold:" + gate);
        await Probe.Gate(gate);
    }

    public Task StopTimer()
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    public Task<int> Ticks() => Task.FromResult(_ticks);

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        Probe.Signal($"timer-deactivated:{GrainId.Key}:{reason.Code}");
        return Task.CompletedTask;
    }

    private async Task OnTick(CancellationToken cancellationToken)
    {
        if (_inTurn)
        {
            throw new InvalidOperationException("a timer tick overlapped another turn");
        }

        _inTurn = true;
        _ticks++;
        await Task.Yield();
        _inTurn = false;
        Probe.Signal($"timer:{GrainId.Key}:{_ticks}");
    }
}
