using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Recsys.Runtime.Configuration.Options;
using Recsys.Runtime.Filters;
using Recsys.Runtime.GrainDirectory;
using Recsys.Runtime.Messaging;
using Recsys.Runtime.Metrics;
using Recsys.Runtime.Scheduling;

namespace Recsys.Runtime.Catalog;

/// <summary>The silo services every activation uses, gathered once so an activation holds one reference.</summary>
internal sealed class ActivationServices
{
    public ActivationServices(
        Catalog catalog,
        MessageRouter router,
        GrainLocator locator,
        IServiceProvider serviceProvider,
        IGrainFactory grainFactory,
        TimeProvider time,
        GrainCallMetrics metrics,
        InFlightWatchList watchList,
        IOptions<SchedulingOptions> scheduling,
        IEnumerable<IIncomingGrainCallFilter> filters,
        ILoggerFactory loggerFactory)
    {
        Catalog = catalog;
        Router = router;
        Locator = locator;
        ServiceProvider = serviceProvider;
        GrainFactory = grainFactory;
        Time = time;
        Metrics = metrics;
        WatchList = watchList;
        PrefetchNextTurns = scheduling.Value.PrefetchNextTurns && CachePrefetch.IsSupported;
        Filters = filters.ToArray();
        Logger = loggerFactory.CreateLogger("Recsys.Runtime.Activation");
    }

    public Catalog Catalog { get; }

    public MessageRouter Router { get; }

    public GrainLocator Locator { get; }

    public IServiceProvider ServiceProvider { get; }

    public IGrainFactory GrainFactory { get; }

    public TimeProvider Time { get; }

    public GrainCallMetrics Metrics { get; }

    /// <summary>The activations the response-timeout sweep visits.</summary>
    public InFlightWatchList WatchList { get; }

    /// <summary>See <see cref="SchedulingOptions.PrefetchNextTurns"/>; off where the processor takes no prefetch hints.</summary>
    public bool PrefetchNextTurns { get; }

    public IIncomingGrainCallFilter[] Filters { get; }

    public ILogger Logger { get; }
}
