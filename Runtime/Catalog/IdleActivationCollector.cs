using Microsoft.Extensions.Options;
using Recsys.Runtime.Configuration.Options;

namespace Recsys.Runtime.Catalog;

/// <summary>
/// Every collection quantum, deactivates activations that received no call for their collection age
/// (per class, else the silo default). Timer ticks count only with KeepAlive, as in Orleans.
/// </summary>
internal sealed class IdleActivationCollector : IDisposable
{
    private readonly Catalog _catalog;
    private readonly TimeProvider _time;
    private readonly GrainCollectionOptions _options;
    private ITimer? _timer;

    public IdleActivationCollector(Catalog catalog, TimeProvider time, IOptions<GrainCollectionOptions> options)
    {
        _catalog = catalog;
        _time = time;
        _options = options.Value;
    }

    public void Start() =>
        _timer = _time.CreateTimer(static self => ((IdleActivationCollector)self!).Collect(), this, _options.CollectionQuantum, _options.CollectionQuantum);

    /// <summary>One sweep; returns how many activations it started to deactivate.</summary>
    public int Collect()
    {
        var now = _time.GetTimestamp();
        var collected = 0;
        foreach (var activation in _catalog.Activations)
        {
            var age = AgeOf(activation.ClassInfo);
            if (activation.TryCollectIfIdle(now, (long)(age.TotalSeconds * _time.TimestampFrequency)))
            {
                collected++;
            }
        }

        return collected;
    }

    public void Dispose() => _timer?.Dispose();

    private TimeSpan AgeOf(GrainClassInfo classInfo) =>
        _options.ClassSpecificCollectionAge.TryGetValue(classInfo.GrainType, out var age) ? age
        : classInfo.CollectionAge ?? _options.CollectionAge;
}
