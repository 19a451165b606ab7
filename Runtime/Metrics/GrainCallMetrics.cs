using System.Diagnostics.Metrics;
using Recsys.Runtime.Catalog;
using Recsys.Runtime.Invocation;

namespace Recsys.Runtime.Metrics;

/// <summary>
/// Per grain type and method: call and error counters and a duration histogram on the "Recsys.Runtime" meter
/// (System.Diagnostics.Metrics, so OpenTelemetry or dotnet-counters can read them), plus the silo's own
/// statistics that the admin view shows. Instruments cost almost nothing while no listener is attached.
/// </summary>
public sealed class GrainCallMetrics : IDisposable
{
    public const string MeterName = "Recsys.Runtime";

    private readonly Meter _meter;
    private readonly Counter<long> _calls;
    private readonly Counter<long> _errors;
    private readonly Histogram<double> _duration;
    private readonly double _microsecondsPerTick;
    private readonly Func<IEnumerable<GrainClassInfo>> _classes;

    internal GrainCallMetrics(TimeProvider time, Func<IEnumerable<GrainClassInfo>> classes)
    {
        _meter = new Meter(MeterName);
        _calls = _meter.CreateCounter<long>("recsys.grain.calls", "{call}", "Grain calls completed, by grain type and method");
        _errors = _meter.CreateCounter<long>("recsys.grain.errors", "{call}", "Grain calls that threw, by grain type and method");
        _duration = _meter.CreateHistogram<double>("recsys.grain.call.duration", "ms", "Time from the start of a call's first turn to its result");
        _microsecondsPerTick = 1_000_000.0 / time.TimestampFrequency;
        _classes = classes;
    }

    internal void RecordCall(GrainClassInfo grainClass, MethodDescriptor method, long started, long finished, bool error)
    {
        var microseconds = (finished - started) * _microsecondsPerTick;
        grainClass.StatisticsFor(method).Record(microseconds, error);
        if (_calls.Enabled || _errors.Enabled || _duration.Enabled)
        {
            var type = new KeyValuePair<string, object?>("grain.type", grainClass.GrainType);
            var name = new KeyValuePair<string, object?>("grain.method", method.FullName);
            _calls.Add(1, type, name);
            if (error)
            {
                _errors.Add(1, type, name);
            }

            _duration.Record(microseconds / 1000.0, type, name);
        }
    }

    /// <summary>Every method that has been called on this silo, busiest first.</summary>
    public IReadOnlyList<MethodStatisticsSnapshot> Snapshot() =>
        _classes().SelectMany(c => c.Statistics).Select(s => s.Snapshot()).OrderByDescending(s => s.Calls).ToList();

    public void Dispose() => _meter.Dispose();
}
