using System.Collections.Concurrent;
using Recsys.Runtime.Reminders;
using Recsys.Runtime.Storage;

namespace Recsys.Runtime.Testing;

/// <summary>
/// The rows behind memory storage and memory reminders, shared by every silo of one in-process test cluster, so
/// a grain that moves between silos finds its state, as it would in a shared database.
/// </summary>
public sealed class SharedMemoryStores
{
    private readonly ConcurrentDictionary<string, MemoryGrainStorage.Store> _storage = new(StringComparer.Ordinal);

    internal MemoryReminderTable.Store Reminders { get; } = new();

    internal MemoryGrainStorage.Store StorageFor(string providerName) => _storage.GetOrAdd(providerName, _ => new MemoryGrainStorage.Store());
}
