namespace Recsys.Grains.Ranking.Identifiers;

/// <summary>A selector's identifier: selectors reorder, keep or drop candidates after scoring.</summary>
public readonly record struct SelectorId
{
    public SelectorId(string name) => Name = ComponentName.Validate(name, "Selector");

    public string Name { get; }

    /// <summary>"Selector:Name", the scope used in logs, metrics and switches.</summary>
    public string Scope => "Selector:" + Name;

    public override string ToString() => Name;
}
