namespace Recsys.Grains.Ranking.Identifiers;

/// <summary>A candidate source's identifier: each candidate carries the id of the source that found it.</summary>
public readonly record struct CandidateSourceId
{
    public CandidateSourceId(string name) => Name = ComponentName.Validate(name, "CandidateSource");

    public string Name { get; }

    /// <summary>"CandidateSource:Name", the scope used in logs, metrics and switches.</summary>
    public string Scope => "CandidateSource:" + Name;

    public override string ToString() => Name;
}
