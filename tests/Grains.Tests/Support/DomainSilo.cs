using Recsys.Grains.Hosting;
using Recsys.Grains.Ingestion.Log;
using Recsys.Runtime.Hosting;
using Recsys.Runtime.Testing;

namespace Recsys.Grains.Tests.Support;

/// <summary>One in-process silo hosting the domain grains on memory storage and a memory event log, on a manual clock.</summary>
public static class DomainSilo
{
    /// <summary>The manual clock's start, a Monday noon, so day boundaries are far away.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    public static Task<TestCluster> StartAsync(ManualTimeProvider? time = null, Action<SiloBuilder>? configure = null, MemoryEngagementLog? log = null) =>
        TestCluster.StartAsync(silo =>
        {
            silo.UseTimeProvider(time ?? new ManualTimeProvider(Start));
            silo.AddMemoryGrainStorage();
            silo.UseMemoryReminders();
            silo.AddRecsysDomain();
            silo.UseMemoryEngagementLog(log);
            configure?.Invoke(silo);
        });

    /// <summary>An id no other test uses, so parallel tests never share a grain.</summary>
    public static long UniqueId() => Random.Shared.NextInt64(1_000_000, long.MaxValue / 2);
}
