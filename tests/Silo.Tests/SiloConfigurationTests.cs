using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Recsys.Runtime.Configuration.Options;
using Recsys.Silo.Hosting;

namespace Recsys.Silo.Tests;

[Trait("Category", "BVT")]
[Trait("Area", "Hosting")]
public sealed class SiloConfigurationTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "recsys-silo-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Scheduling_binds_from_the_Recsys_Scheduling_section_and_prefetches_by_default()
    {
        await using var defaults = Build([]);
        await using var off = Build(new() { ["Recsys:Scheduling:PrefetchNextTurns"] = "false" });

        Assert.True(defaults.Services.GetRequiredService<IOptions<SchedulingOptions>>().Value.PrefetchNextTurns);
        Assert.False(off.Services.GetRequiredService<IOptions<SchedulingOptions>>().Value.PrefetchNextTurns);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private WebApplication Build(Dictionary<string, string?> settings) =>
        SiloApplication.Build(new SiloHostOptions { DataDirectory = _directory, LoadSample = false }, builder => builder.Configuration.AddInMemoryCollection(settings));
}
