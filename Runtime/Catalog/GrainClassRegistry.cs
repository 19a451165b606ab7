using Recsys.Runtime.Invocation;

namespace Recsys.Runtime.Catalog;

/// <summary>
/// The grain classes of the configured assemblies, by durable type name, and which class serves each grain
/// interface. An interface served by two classes is a configuration error, reported at start.
/// </summary>
internal sealed class GrainClassRegistry : IGrainTypeResolver
{
    private readonly Dictionary<string, GrainClassInfo> _byType = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, GrainClassInfo> _byInterface = new();
    private readonly Dictionary<Type, string> _ambiguous = new();

    public GrainClassRegistry(IEnumerable<GrainAssembly> assemblies)
    {
        var distinct = assemblies.Select(a => a.Assembly).Append(typeof(Grain).Assembly).Distinct().ToArray();
        GrainInterfaceRegistry.EnsureLoaded(distinct);
        foreach (var type in distinct.SelectMany(a => a.GetTypes()))
        {
            if (!type.IsClass || type.IsAbstract || type.IsGenericTypeDefinition || !typeof(Grain).IsAssignableFrom(type))
            {
                continue;
            }

            var info = new GrainClassInfo(type, new GrainActivator(type));
            if (!_byType.TryAdd(info.GrainType, info))
            {
                throw new InvalidOperationException($"Grain classes {_byType[info.GrainType].ClassType} and {type} both have the type name '{info.GrainType}'.");
            }

            foreach (var grainInterface in type.GetInterfaces().Where(IsServiceInterface))
            {
                if (!_byInterface.TryAdd(grainInterface, info))
                {
                    _ambiguous[grainInterface] = $"{_byInterface[grainInterface].ClassType} and {type}";
                }
            }
        }
    }

    public IEnumerable<GrainClassInfo> Classes => _byType.Values;

    public GrainClassInfo GetByType(string grainType) => _byType.TryGetValue(grainType, out var info)
        ? info
        : throw new InvalidOperationException($"No grain class has the type name '{grainType}'.");

    public bool TryGetByType(string grainType, out GrainClassInfo info) => _byType.TryGetValue(grainType, out info!);

    public string GetGrainType(Type interfaceType)
    {
        if (_ambiguous.TryGetValue(interfaceType, out var classes))
        {
            throw new InvalidOperationException($"Grain interface {interfaceType.FullName} is implemented by {classes}; ask for a more specific interface.");
        }

        return _byInterface.TryGetValue(interfaceType, out var info)
            ? info.GrainType
            : throw new InvalidOperationException($"No grain class implements {interfaceType.FullName}.");
    }

    /// <summary>Interfaces that carry methods: IGrain and the key markers are not served by anyone in particular.</summary>
    private static bool IsServiceInterface(Type type) =>
        typeof(IGrain).IsAssignableFrom(type) && type != typeof(IGrain) && type != typeof(IGrainWithIntegerKey)
        && type != typeof(IGrainWithStringKey) && type != typeof(IGrainWithGuidKey)
        && type != typeof(Reminders.IRemindable);
}
