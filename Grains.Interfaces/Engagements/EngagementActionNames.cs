using System.Reflection;
using System.Text.Json.Serialization;

namespace Recsys.Grains.Interfaces.Engagements;

/// <summary>The snake_case wire names of <see cref="EngagementAction"/>, both ways (the event log stores them).</summary>
public static class EngagementActionNames
{
    private static readonly Dictionary<EngagementAction, string> ToName = Enum.GetValues<EngagementAction>()
        .ToDictionary(a => a, a => typeof(EngagementAction).GetField(a.ToString())!
            .GetCustomAttribute<JsonStringEnumMemberNameAttribute>()!.Name);

    private static readonly Dictionary<string, EngagementAction> FromName = ToName
        .ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>Every wire name, in declaration order.</summary>
    public static IReadOnlyList<string> All { get; } = Enum.GetValues<EngagementAction>().Select(a => ToName[a]).ToArray();

    public static string Name(this EngagementAction action) =>
        ToName.TryGetValue(action, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(action), action, "not an engagement action");

    public static bool TryParse(string? name, out EngagementAction action)
    {
        action = default;
        return name is not null && FromName.TryGetValue(name, out action);
    }
}
