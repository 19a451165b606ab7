namespace Recsys.Grains.Ranking.Identifiers;

/// <summary>A gate's identifier: a gate decides whether the component behind it runs for this request.</summary>
public readonly record struct GateId
{
    public GateId(string name) => Name = ComponentName.Validate(name, "Gate");

    public string Name { get; }

    /// <summary>"Gate:Name", the scope used in logs, metrics and switches.</summary>
    public string Scope => "Gate:" + Name;

    public override string ToString() => Name;
}
