using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Recsys.Runtime.Catalog;
using Recsys.Runtime.Filters;

namespace Recsys.Runtime.Hosting;

/// <summary>The default <see cref="ISiloBuilder"/>, with the common knobs as methods.</summary>
public sealed class SiloBuilder : ISiloBuilder
{
    public SiloBuilder(IServiceCollection services) => Services = services;

    public IServiceCollection Services { get; }

    /// <summary>Hosts the grain classes of this assembly.</summary>
    public SiloBuilder AddGrainAssembly(Assembly assembly)
    {
        Services.AddSingleton(new GrainAssembly(assembly));
        return this;
    }

    /// <summary>Replaces the clock (tests pass a manual one).</summary>
    public SiloBuilder UseTimeProvider(TimeProvider time)
    {
        Services.Replace(ServiceDescriptor.Singleton(time));
        return this;
    }

    /// <summary>A silo-wide filter around every incoming grain call, in registration order.</summary>
    public SiloBuilder AddIncomingGrainCallFilter<TFilter>()
        where TFilter : class, IIncomingGrainCallFilter
    {
        Services.AddSingleton<IIncomingGrainCallFilter, TFilter>();
        return this;
    }

    public SiloBuilder Configure<TOptions>(Action<TOptions> configure)
        where TOptions : class
    {
        Services.Configure(configure);
        return this;
    }
}
