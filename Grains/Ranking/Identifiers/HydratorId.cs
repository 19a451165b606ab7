namespace Recsys.Grains.Ranking.Identifiers;

/// <summary>A hydrator's identifier: hydrators add the features grains hold to candidates.</summary>
public readonly record struct HydratorId
{
    public HydratorId(string name) => Name = ComponentName.Validate(name, "Hydrator");

    public string Name { get; }

    /// <summary>"Hydrator:Name", the scope used in logs, metrics and switches.</summary>
    public string Scope => "Hydrator:" + Name;

    public override string ToString() => Name;
}
