using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Recsys.Grains.Ranking.Models;
using Recsys.Grains.Ranking.Scorers;
using Recsys.Grains.Timeline;
using Recsys.Grains.Timeline.SideEffects;
using Recsys.Grains.Training.ServedLog;
using Recsys.Runtime.Testing;
using static Recsys.Grains.Tests.Ranking.RankingData;

namespace Recsys.Grains.Tests.Training;

[Trait("Category", "BVT")]
[Trait("Area", "Training")]
public sealed class LogServedSideEffectTests
{
    private static readonly HeavyRanker Model = DefaultHeavyRanker;

    [Fact]
    public async Task Each_served_item_is_logged_with_the_features_of_its_ranking_not_of_the_page_time()
    {
        var log = new MemoryServedLog();
        var writer = new ServedLogWriter(log, Options.Create(new ServedLogOptions()), new ManualTimeProvider(Now), NullLogger<ServedLogWriter>.Instance);
        var effect = new LogServedSideEffect(writer, Options.Create(new ServedLogOptions()));
        var rankedWith = Query();
        var items = new[] { Hydrated(4, authorId: 40, proof: [7]), Hydrated(5, authorId: 50, inNetwork: false) };
        var pageTime = Now.AddMinutes(2); // a later page from the kept list

        effect.Run(new ServedPage(rankedWith with { Now = pageTime }, items, new TimelineState(), new ForYouParams(),
            new ServedRanking(rankedWith, Model, "default-v0", FirstPosition: 35)));
        await writer.FlushAsync();

        var logged = (await log.ReadAsync(Now, Now.AddHours(1), 0, 10)).Select(r => r.Item).ToArray();
        Assert.Equal([35, 36], logged.Select(i => i.Position));
        Assert.Equal([(4L, 40L, true), (5L, 50L, false)], logged.Select(i => (i.PostId, i.AuthorId, i.InNetwork)));
        Assert.All(logged, i => Assert.Equal((rankedWith.Viewer.UserId, pageTime, "default-v0", "default-v0"), (i.ViewerId, i.ServedAt, i.HeavyRankerVersion, i.LightRankerVersion)));
        Assert.Equal(HeavyRankerScorer.Explain(Model, rankedWith, items[0]).Features, logged[0].Features);
        Assert.Equal(1.0, logged[0].Features[HeavyRankerFeatures.Names.ToList().IndexOf("age_hours")], 9); // an hour old when ranked, not 1 h 2 min
    }

    [Fact]
    public async Task Listing_the_side_effect_in_disabled_components_stops_the_logging()
    {
        var log = new MemoryServedLog();
        var writer = new ServedLogWriter(log, Options.Create(new ServedLogOptions()), new ManualTimeProvider(Now), NullLogger<ServedLogWriter>.Instance);
        var effect = new LogServedSideEffect(writer, Options.Create(new ServedLogOptions()));

        effect.Run(new ServedPage(Query(), [Hydrated(4)], new TimelineState(), new ForYouParams { DisabledComponents = ["SideEffect:LogServed"] },
            new ServedRanking(Query(), Model, "default-v0", 0)));
        await writer.FlushAsync();

        Assert.Empty(await log.ReadAsync(Now.AddDays(-1), Now.AddDays(1), 0, 10));
    }
}
