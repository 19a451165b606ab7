using Recsys.Grains.Interfaces.Models;
using Recsys.Grains.Interfaces.Timeline;
using Recsys.Grains.Models;
using Recsys.Grains.Tests.Timeline;
using Xunit.Abstractions;

namespace Recsys.Grains.Tests.Training;

/// <summary>
/// A new heavy-ranker version activated while For You requests run: no request fails, every page is ranked by one
/// version, and every request that starts after the activation returned reports the new version.
/// </summary>
[Trait("Category", "Functional")]
[Trait("Area", "Training")]
public sealed class ModelSwapUnderLoadTests(TimelineCluster sample, ITestOutputHelper output) : IClassFixture<TimelineCluster>
{
    private const int Callers = 8;
    private const int RequestsAfterSwap = 3;

    [Fact]
    public async Task Activating_a_version_under_load_fails_no_request_and_later_pages_report_it()
    {
        var registry = sample.Grains.GetGrain<IModelRegistryGrain>(0);
        var heavy = EmbeddedModels.All.Single(m => m.Name == "heavy-ranker" && m.Version == "default-v0");
        await registry.Upload(ModelFileReader.Write(heavy with { Version = "swap-v1", Description = "default-v0 under another name, for the swap test" }));
        var viewers = sample.TypicalViewers(Callers * 4);
        var firstPages = Enumerable.Range(0, Callers).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var swapped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var callers = Enumerable.Range(0, Callers).Select(c => Task.Run(async () =>
        {
            var pages = new List<(bool StartedAfterSwap, string[] Versions)>();
            var afterSwap = 0;
            for (var n = 0; afterSwap < RequestsAfterSwap; n++)
            {
                var startedAfterSwap = swapped.Task.IsCompleted;
                var page = await sample.ForYouAsync(viewers[c * 4 + n % 4], count: 10, explain: true);
                pages.Add((startedAfterSwap, page.Items.Select(i => i.Explain!.ModelVersions["heavy-ranker"]).Distinct().ToArray()));
                firstPages[c].TrySetResult();
                afterSwap += startedAfterSwap ? 1 : 0;
            }

            return pages;
        })).ToArray();

        await Task.WhenAll(firstPages.Select(f => f.Task)); // every caller is mid-run
        await registry.Activate("heavy-ranker", "swap-v1");
        swapped.SetResult();
        var results = (await Task.WhenAll(callers)).SelectMany(p => p).ToArray(); // throws if any request failed

        output.WriteLine($"{results.Length} pages, {results.Count(r => !r.StartedAfterSwap)} started before the swap");
        Assert.All(results, r => Assert.Single(r.Versions));
        Assert.Contains(results, r => !r.StartedAfterSwap && r.Versions[0] == "default-v0");
        Assert.All(results.Where(r => r.StartedAfterSwap), r => Assert.Equal("swap-v1", r.Versions[0]));
        await registry.Activate("heavy-ranker", "default-v0");
    }
}
