using Recsys.Runtime.Hosting;
using Recsys.Runtime.Testing;

namespace Recsys.Runtime.Tests.Support;

/// <summary>One in-process silo hosting the test grains, on memory storage unless told otherwise.</summary>
public static class OneSilo
{
    public static Task<TestCluster> StartAsync(TimeProvider? time = null, Action<SiloBuilder>? configure = null) =>
        TestCluster.StartAsync(silo =>
        {
            silo.AddGrainAssembly(typeof(OneSilo).Assembly);
            if (time is not null)
            {
                silo.UseTimeProvider(time);
            }

            if (configure is null)
            {
                silo.AddMemoryGrainStorage();
                silo.UseMemoryReminders();
            }
            else
            {
                configure(silo);
            }
        });

    /// <summary>A key no other test uses, so parallel tests never share a grain.</summary>
    public static string UniqueKey() => Guid.NewGuid().ToString("N");

    public static long UniqueLong() => Random.Shared.NextInt64(1, long.MaxValue);
}
