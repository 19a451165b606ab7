using Microsoft.Extensions.DependencyInjection;

namespace Recsys.Runtime.Hosting;

/// <summary>Configures one silo: storage providers, reminders, filters, options. Extensions hang off it.</summary>
public interface ISiloBuilder
{
    IServiceCollection Services { get; }
}
