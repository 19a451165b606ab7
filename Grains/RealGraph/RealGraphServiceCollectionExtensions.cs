using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Recsys.Grains.Models;

namespace Recsys.Grains.RealGraph;

/// <summary>Registers RealGraph's options (validated at start) and the schema its model files are checked against.</summary>
public static class RealGraphServiceCollectionExtensions
{
    public static IServiceCollection AddRecsysRealGraph(this IServiceCollection services)
    {
        services.AddOptions<RealGraphOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RealGraphOptions>, RealGraphOptionsValidator>());
        services.AddModelSchema(new ModelSchema(RealGraphOptions.ModelName, RealGraphOptions.HeadName, RealGraphFeatures.Names));
        return services;
    }
}
