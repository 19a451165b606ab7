namespace Recsys.Grains.Ranking.Identifiers;

/// <summary>A scorer's identifier (model scorers and heuristic re-scorers): explain output names factors by it.</summary>
public readonly record struct ScorerId
{
    public ScorerId(string name) => Name = ComponentName.Validate(name, "Scorer");

    public string Name { get; }

    /// <summary>"Scorer:Name", the scope used in logs, metrics and switches.</summary>
    public string Scope => "Scorer:" + Name;

    public override string ToString() => Name;
}
