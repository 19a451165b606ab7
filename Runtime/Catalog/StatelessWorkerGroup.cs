using Recsys.Runtime.Invocation;

namespace Recsys.Runtime.Catalog;

/// <summary>
/// The local pool of a [StatelessWorker] grain: a call goes to an idle worker, else to a new one while fewer than
/// the limit exist, else to the least loaded. Workers are never in the directory and never leave this silo.
/// </summary>
internal sealed class StatelessWorkerGroup : ActivationTarget
{
    private readonly object _lock = new();
    private readonly GrainClassInfo _classInfo;
    private readonly Catalog _catalog;
    private readonly List<ActivationData> _workers = [];

    public StatelessWorkerGroup(GrainId grainId, GrainClassInfo classInfo, Catalog catalog)
        : base(grainId)
    {
        _classInfo = classInfo;
        _catalog = catalog;
    }

    public override IEnumerable<ActivationData> Activations
    {
        get
        {
            lock (_lock)
            {
                return _workers.ToArray();
            }
        }
    }

    public override bool TryEnqueue(Invokable request)
    {
        while (true)
        {
            var worker = Choose();
            if (worker.TryEnqueue(request))
            {
                return true;
            }

            Remove(worker);
        }
    }

    public void Remove(ActivationData worker)
    {
        lock (_lock)
        {
            _workers.Remove(worker);
        }
    }

    private ActivationData Choose()
    {
        ActivationData? created = null;
        ActivationData? chosen = null;
        lock (_lock)
        {
            var leastLoad = int.MaxValue;
            foreach (var worker in _workers)
            {
                var load = worker.Load;
                if (load < leastLoad)
                {
                    leastLoad = load;
                    chosen = worker;
                }
            }

            if (chosen is null || (leastLoad > 0 && _workers.Count < _classInfo.MaxLocalWorkers))
            {
                created = _catalog.CreateActivation(GrainId, _classInfo);
                _workers.Add(created);
                chosen = created;
            }
        }

        created?.Start();
        return chosen;
    }
}
