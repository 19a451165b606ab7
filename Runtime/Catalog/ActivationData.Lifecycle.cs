using Recsys.Runtime.GrainDirectory;
using Recsys.Runtime.Invocation;
using Recsys.Runtime.Timers;

namespace Recsys.Runtime.Catalog;

/// <summary>Activation and deactivation, each run as turns of the activation itself.</summary>
internal sealed partial class ActivationData
{
    private GrainAddress Address => new(GrainId, _services.Locator.Self, ActivationId);

    private async Task ActivateAsync()
    {
        try
        {
            if (!ClassInfo.IsStatelessWorker)
            {
                // single activation: first registration wins; a loser forwards its calls to the winner and goes away
                var winner = await _services.Locator.RegisterAsync(Address);
                if (winner != Address)
                {
                    LoseRegistration(winner);
                    return;
                }
            }

            t_constructing = this;
            try
            {
                (_grain, _states) = ClassInfo.Activator.Create(this);
            }
            finally
            {
                t_constructing = null;
            }

            foreach (var state in _states)
            {
                await state.ReadStateAsync();
            }

            if (_grain is Grain grain)
            {
                await grain.OnActivateAsync(_lifetime.Token);
            }
        }
        catch (Exception exception)
        {
            Log.ActivationFailed(_services.Logger, exception, GrainId);
            FailActivation(exception);
            return;
        }

        bool schedule = false, deactivate = false;
        lock (this)
        {
            _state = ActivationState.Valid;
            if (_pendingDeactivation is not null)
            {
                _state = ActivationState.Deactivating;
                deactivate = true;
            }
            else
            {
                schedule = AdmitWaiting();
            }
        }

        if (deactivate)
        {
            await DeactivateAsync();
        }
        else if (schedule)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
        }
    }

    /// <summary>
    /// The silo is crashing (a test's kill): no hooks, no writes, no directory updates; timers stop and queued
    /// calls fail as they would if the process died.
    /// </summary>
    public void Abandon()
    {
        GrainTimer[] timers;
        lock (this)
        {
            timers = _timers?.ToArray() ?? [];
        }

        foreach (var timer in timers)
        {
            timer.Dispose();
        }

        var lost = TakeWaiting(ActivationState.Invalid);
        _lifetime.Cancel();
        foreach (var request in lost)
        {
            request.Fail(new Messaging.SiloUnavailableException($"Silo hosting {GrainId} died."));
        }

        MarkDeactivated();
    }

    private void LoseRegistration(GrainAddress winner)
    {
        var forwarded = TakeWaiting(ActivationState.Invalid);
        _services.Catalog.Remove(this);
        foreach (var request in forwarded)
        {
            _services.Router.Forward(request, winner);
        }

        _lifetime.Cancel();
        MarkDeactivated();
    }

    private void FailActivation(Exception exception)
    {
        var rejected = TakeWaiting(ActivationState.Invalid);
        _services.Catalog.Remove(this);
        if (!ClassInfo.IsStatelessWorker)
        {
            _ = UnregisterQuietlyAsync();
        }

        foreach (var request in rejected)
        {
            request.Fail(exception);
        }

        _lifetime.Cancel();
        MarkDeactivated();
    }

    private async Task DeactivateAsync()
    {
        DeactivationReason reason;
        lock (this)
        {
            reason = _pendingDeactivation ?? new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "requested");
        }

        try
        {
            GrainTimer[] timers;
            lock (this)
            {
                timers = _timers?.ToArray() ?? [];
            }

            foreach (var timer in timers)
            {
                timer.Dispose();
            }

            if (_grain is Grain grain)
            {
                await grain.OnDeactivateAsync(reason, _lifetime.Token);
            }

            if (reason.Code == DeactivationReasonCode.Migrating)
            {
                // a move carries the state with it: write every state before the activation leaves
                foreach (var state in _states)
                {
                    await state.WriteForMoveAsync();
                }
            }
            else if (reason.Code != DeactivationReasonCode.ApplicationError)
            {
                foreach (var state in _states)
                {
                    await state.FlushAsync();
                }
            }
        }
        catch (Exception exception)
        {
            Log.DeactivationFailed(_services.Logger, exception, GrainId, reason.ToString());
        }
        finally
        {
            if (!ClassInfo.IsStatelessWorker)
            {
                await UnregisterQuietlyAsync();
            }

            // Requests that queued while we deactivated go to the next activation of this grain, wherever it is.
            var forwarded = TakeWaiting(ActivationState.Invalid);
            _services.Catalog.Remove(this);
            _lifetime.Cancel();
            foreach (var request in forwarded)
            {
                _services.Router.Route(request);
            }

            Log.Deactivated(_services.Logger, GrainId, reason.ToString());
            MarkDeactivated();
        }
    }

    private async Task UnregisterQuietlyAsync()
    {
        try
        {
            await _services.Locator.UnregisterAsync(Address);
        }
        catch (Exception exception)
        {
            // the owner is gone or unreachable: its partition goes with it, nothing stale remains
            Log.DeactivationFailed(_services.Logger, exception, GrainId, "unregistering from the directory");
        }
    }

    private List<Invokable> TakeWaiting(ActivationState newState)
    {
        var taken = new List<Invokable>();
        lock (this)
        {
            _state = newState;
            while (_waiting.Count > 0)
            {
                var request = _waiting.Dequeue();
                RemoveInFlight(request);
                if (!request.IsCompleted)
                {
                    taken.Add(request);
                }
            }
        }

        return taken;
    }
}
