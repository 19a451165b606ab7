using System.Reflection;
using Recsys.Grains.Interfaces.Admin;
using Recsys.Runtime;
using Recsys.Runtime.Storage;

namespace Recsys.Grains.Admin;

/// <summary>
/// The grain types the admin view can show: their durable type names, the persistent states each keeps (name and
/// storage provider, read off the [PersistentState] constructor parameters), and whether they describe their live
/// state (<see cref="IInspectable"/>). Type names follow the runtime's rule: [GrainType] if given, else the class
/// name without "Grain", lower case.
/// </summary>
public sealed class GrainStateCatalog
{
    private readonly Dictionary<string, GrainTypeEntry> _types;

    public GrainStateCatalog(IEnumerable<Assembly> assemblies)
    {
        _types = assemblies.SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(Grain).IsAssignableFrom(t))
            .Select(Describe)
            .ToDictionary(e => e.Type, StringComparer.Ordinal);
    }

    public IReadOnlyList<string> TypeNames => _types.Keys.Order(StringComparer.Ordinal).ToArray();

    public GrainTypeEntry? Find(string type) => _types.GetValueOrDefault(type);

    public static string TypeNameOf(Type grainClass)
    {
        if (grainClass.GetCustomAttribute<GrainTypeAttribute>() is { } attribute)
        {
            return attribute.Name;
        }

        var name = grainClass.Name;
        return (name.EndsWith("Grain", StringComparison.Ordinal) && name.Length > 5 ? name[..^5] : name).ToLowerInvariant();
    }

    private static GrainTypeEntry Describe(Type grainClass)
    {
        var constructor = grainClass.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        var states = constructor?.GetParameters()
            .Select(p => p.GetCustomAttribute<PersistentStateAttribute>())
            .OfType<PersistentStateAttribute>()
            .Select(a => new GrainStateEntry(a.StateName, a.StorageName))
            .ToArray() ?? [];
        var key = typeof(IGrainWithIntegerKey).IsAssignableFrom(grainClass) ? GrainKeyKind.Integer
            : typeof(IGrainWithGuidKey).IsAssignableFrom(grainClass) ? GrainKeyKind.Guid
            : GrainKeyKind.String;
        return new GrainTypeEntry(TypeNameOf(grainClass), grainClass, key, states, typeof(IInspectable).IsAssignableFrom(grainClass));
    }
}

public sealed record GrainTypeEntry(string Type, Type ClassType, GrainKeyKind KeyKind, IReadOnlyList<GrainStateEntry> States, bool IsInspectable)
{
    /// <summary>The key in the runtime's canonical form (a long in invariant decimal, a Guid as "N"), or null when it is not of this grain's kind.</summary>
    public string? CanonicalKey(string key) => KeyKind switch
    {
        GrainKeyKind.Integer => long.TryParse(key, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? id.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        GrainKeyKind.Guid => Guid.TryParse(key, out var guid) ? guid.ToString("N") : null,
        _ => key.Length > 0 ? key : null,
    };
}

public enum GrainKeyKind
{
    Integer,
    String,
    Guid,
}

public sealed record GrainStateEntry(string Name, string Storage);
