namespace Recsys.Grains.Ranking.Identifiers;

/// <summary>A filter's identifier: drops are logged and counted under it, and a switch can turn the filter off.</summary>
public readonly record struct FilterId
{
    public FilterId(string name) => Name = ComponentName.Validate(name, "Filter");

    public string Name { get; }

    /// <summary>"Filter:Name", the scope used in logs, metrics and switches.</summary>
    public string Scope => "Filter:" + Name;

    public override string ToString() => Name;
}
