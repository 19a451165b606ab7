using System.Collections.Concurrent;
using System.Reflection;
using Recsys.Runtime.Concurrency;
using Recsys.Runtime.Filters;
using Recsys.Runtime.Invocation;
using Recsys.Runtime.Metrics;
using Recsys.Runtime.Placement;

namespace Recsys.Runtime.Catalog;

/// <summary>What the runtime knows of one grain class: its durable type name and its declared behaviour.</summary>
internal sealed class GrainClassInfo
{
    private readonly ConcurrentDictionary<MethodDescriptor, MethodStatistics> _statistics = new();

    public GrainClassInfo(Type classType, GrainActivator activator)
    {
        ClassType = classType;
        GrainType = NameOf(classType);
        Activator = activator;
        IsReentrant = classType.GetCustomAttribute<ReentrantAttribute>() is not null;
        var worker = classType.GetCustomAttribute<StatelessWorkerAttribute>();
        IsStatelessWorker = worker is not null;
        MaxLocalWorkers = worker is null ? 0 : worker.MaxLocalWorkers > 0 ? worker.MaxLocalWorkers : Environment.ProcessorCount;
        CollectionAge = classType.GetCustomAttribute<CollectionAgeLimitAttribute>()?.Age;
        IsIncomingFilter = typeof(IIncomingGrainCallFilter).IsAssignableFrom(classType);
        Placement = classType.GetCustomAttribute<PlacementAttribute>()?.Strategy ?? PlacementStrategy.Random;
    }

    /// <summary>How a new activation picks its silo ([RandomPlacement] unless the class says otherwise).</summary>
    public PlacementStrategy Placement { get; }

    public Type ClassType { get; }

    public string GrainType { get; }

    public GrainActivator Activator { get; }

    public bool IsReentrant { get; }

    public bool IsStatelessWorker { get; }

    public int MaxLocalWorkers { get; }

    /// <summary>Per-class idle collection age from [CollectionAgeLimit]; null means the silo's default.</summary>
    public TimeSpan? CollectionAge { get; }

    /// <summary>The grain class filters its own incoming calls.</summary>
    public bool IsIncomingFilter { get; }

    public MethodStatistics StatisticsFor(MethodDescriptor method) =>
        _statistics.GetOrAdd(method, static (m, type) => new MethodStatistics(type, m.FullName), GrainType);

    public IEnumerable<MethodStatistics> Statistics => _statistics.Values;

    /// <summary>The durable name: [GrainType] if given, else the class name without "Grain", lower case.</summary>
    public static string NameOf(Type classType)
    {
        if (classType.GetCustomAttribute<GrainTypeAttribute>() is { } attribute)
        {
            return attribute.Name;
        }

        var name = classType.Name;
        if (name.EndsWith("Grain", StringComparison.Ordinal) && name.Length > "Grain".Length)
        {
            name = name[..^"Grain".Length];
        }

        return name.ToLowerInvariant();
    }
}
