namespace Recsys.Runtime.Invocation;

/// <summary>Interleaving rules declared on a grain interface method.</summary>
[Flags]
public enum MethodFlags
{
    None = 0,
    ReadOnly = 1,
    AlwaysInterleave = 2,
}
