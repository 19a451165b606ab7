using Recsys.Runtime.Invocation;

namespace Recsys.Runtime.Catalog;

/// <summary>
/// The silo's activations by grain id: finds or creates the activation for each request. One activation per
/// grain in this silo: creation races are settled by the table (first writer wins; losers are never started).
/// </summary>
internal sealed class Catalog
{
    private readonly ActivationTable _targets = new();
    private readonly GrainClassRegistry _registry;
    private ActivationServices? _services;

    public Catalog(GrainClassRegistry registry) => _registry = registry;

    public int Count => _targets.Count;

    public GrainClassRegistry Registry => _registry;

    /// <summary>Set once by the silo when its services exist (they refer back to the catalog).</summary>
    public void Initialize(ActivationServices services) => _services = services;

    /// <summary>
    /// Every activation, enumerated live: the table's walk takes no lock and copies nothing (issue 6: a walk over
    /// 200,000 activations that copied them landed on the large-object heap). The timeout sweep no longer walks it: see
    /// <see cref="InFlightWatchList"/>.
    /// </summary>
    public IEnumerable<ActivationData> Activations
    {
        get
        {
            foreach (var target in _targets.Targets)
            {
                if (target is ActivationData activation)
                {
                    yield return activation;
                    continue;
                }

                foreach (var worker in target.Activations)
                {
                    yield return worker;
                }
            }
        }
    }

    /// <summary>Queues the call on an existing local activation or stateless worker pool; false if there is none.</summary>
    public bool TryDispatchLocal(Invokable request)
    {
        if (_targets.Find(request.Target) is { } target)
        {
            if (target.TryEnqueue(request))
            {
                return true;
            }

            _targets.TryRemove(target);
        }

        if (_registry.TryGetByType(request.Target.Type, out var classInfo) && classInfo.IsStatelessWorker)
        {
            Dispatch(request);
            return true;
        }

        return false;
    }

    /// <summary>Queues the call here, activating the grain in this silo if needed.</summary>
    public void Dispatch(Invokable request)
    {
        var grainId = request.Target;
        if (!_registry.TryGetByType(grainId.Type, out _))
        {
            request.Fail(new InvalidOperationException($"No grain class has the type name '{grainId.Type}' in this silo."));
            return;
        }

        while (true)
        {
            var target = _targets.Find(grainId) ?? Create(grainId);
            if (target.TryEnqueue(request))
            {
                return;
            }

            // that activation has just finished; forget it and look again
            _targets.TryRemove(target);
        }
    }

    public void Remove(ActivationData activation)
    {
        if (_targets.Find(activation.GrainId) is { } target)
        {
            if (target == activation)
            {
                _targets.TryRemove(target);
            }
            else if (target is StatelessWorkerGroup group)
            {
                group.Remove(activation);
            }
        }
    }

    public ActivationSnapshot? GetSnapshot(GrainId grainId) =>
        _targets.Find(grainId) is ActivationData activation ? activation.GetSnapshot() : null;

    public IReadOnlyList<ActivationData> GetActivations(GrainId grainId) =>
        _targets.Find(grainId) is { } target ? target.Activations.ToList() : [];

    /// <summary>Deactivates everything (silo shutdown) and waits until each activation is gone.</summary>
    public async Task DeactivateAllAsync(DeactivationReason reason)
    {
        var activations = Activations.ToList();
        foreach (var activation in activations)
        {
            activation.StartDeactivation(reason);
        }

        await Task.WhenAll(activations.Select(a => a.Deactivated));
    }

    /// <summary>Deactivates the local activation of a grain that turned out to be registered elsewhere.</summary>
    public void DeactivateDuplicate(GrainId grainId)
    {
        if (_targets.Find(grainId) is ActivationData activation)
        {
            activation.StartDeactivation(new DeactivationReason(DeactivationReasonCode.DirectoryFailure, "another activation is registered"));
        }
    }

    /// <summary>Drops every activation without deactivating it (a test's simulated crash).</summary>
    public void AbandonAll()
    {
        foreach (var activation in Activations.ToList())
        {
            activation.Abandon();
        }

        _targets.Clear();
    }

    public ActivationData CreateActivation(GrainId grainId, GrainClassInfo classInfo) =>
        new(grainId, classInfo, _services ?? throw new InvalidOperationException("The silo has not started."));

    private ActivationTarget Create(GrainId grainId)
    {
        var classInfo = _registry.GetByType(grainId.Type);
        if (classInfo.IsStatelessWorker)
        {
            return _targets.GetOrAdd(new StatelessWorkerGroup(grainId, classInfo, this));
        }

        var created = CreateActivation(grainId, classInfo);
        var winner = _targets.GetOrAdd(created);
        if (winner == created)
        {
            created.Start();
        }

        return winner;
    }
}
