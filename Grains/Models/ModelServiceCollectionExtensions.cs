using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Recsys.Grains.Models;

/// <summary>Registers the model catalog, the registry poller, and the schemas of the models this silo evaluates.</summary>
public static class ModelServiceCollectionExtensions
{
    /// <summary>Call once per silo (AddRecsysDomain does).</summary>
    public static IServiceCollection AddRecsysModels(this IServiceCollection services)
    {
        services.TryAddSingleton<ModelCatalog>();
        services.TryAddSingleton<ModelRegistryPoller>();
        services.AddHostedService(sp => sp.GetRequiredService<ModelRegistryPoller>());

        return services;
    }

    /// <summary>Declares a model head this silo evaluates and the features it computes, in order.</summary>
    public static IServiceCollection AddModelSchema(this IServiceCollection services, ModelSchema schema)
    {
        services.AddSingleton(schema);
        return services;
    }
}
