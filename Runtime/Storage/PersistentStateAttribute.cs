namespace Recsys.Runtime.Storage;

/// <summary>
/// On a grain constructor parameter of type <see cref="IPersistentState{TState}"/>: the state's name and the grain
/// storage provider that holds it. The state is read before OnActivateAsync.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute : Attribute
{
    public const string DefaultStorageName = "Default";

    public PersistentStateAttribute(string stateName, string storageName = DefaultStorageName)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateName);
        StateName = stateName;
        StorageName = storageName;
    }

    public string StateName { get; }

    public string StorageName { get; }

    /// <summary>
    /// When true, a graceful deactivation writes the state if it differs from what was last read or written,
    /// so a grain may keep a checkpoint in memory and flush it when it goes idle. Off by default, as in Orleans.
    /// </summary>
    public bool FlushOnDeactivate { get; set; }
}
