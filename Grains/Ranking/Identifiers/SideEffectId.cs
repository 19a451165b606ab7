namespace Recsys.Grains.Ranking.Identifiers;

/// <summary>A side effect's identifier: side effects run after the page is chosen (recording what was served).</summary>
public readonly record struct SideEffectId
{
    public SideEffectId(string name) => Name = ComponentName.Validate(name, "SideEffect");

    public string Name { get; }

    /// <summary>"SideEffect:Name", the scope used in logs, metrics and switches.</summary>
    public string Scope => "SideEffect:" + Name;

    public override string ToString() => Name;
}
