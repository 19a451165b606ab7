using Recsys.Grains.Aggregates;
using Recsys.Grains.Interfaces.Aggregates;
using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Interfaces.Timeline;
using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Tests.Ingestion;
using Recsys.Grains.Tests.Support;
using Recsys.Runtime.Testing;

namespace Recsys.Grains.Tests.Users;

[Trait("Category", "BVT")]
[Trait("Area", "Users")]
public sealed class AuthorFactsTests
{
    [Fact]
    public async Task Engagements_received_are_the_decayed_positive_counts_now_and_follow_each_new_engagement()
    {
        var time = new ManualTimeProvider(DomainSilo.Start);
        await using var cluster = await DomainSilo.StartAsync(time);
        var entities = new Entities(cluster.GrainFactory, DomainSilo.Start);
        var (author, fan, other) = (await entities.UserAsync(), await entities.UserAsync(), await entities.UserAsync());
        var (first, second) = (await entities.PostAsync(author), await entities.PostAsync(author));
        var facts = cluster.GrainFactory.GetGrain<IUserRankingGrain>(author);
        var start = DomainSilo.Start;

        Assert.Equal(0f, (await facts.GetAuthorFacts(fan)).EngagementsReceived);
        await EngagementIngestGrainTests.Ingest(cluster, Entities.Event(fan, EngagementAction.Like, first, start.AddMinutes(-30)),
            Entities.Event(other, EngagementAction.Repost, first, start.AddMinutes(-10)), Entities.Event(fan, EngagementAction.Impression, second, start.AddMinutes(-5)));
        var fresh = await ReceivedAsync(cluster, author, fan);
        time.Advance(TimeSpan.FromDays(2));
        var decayed = await ReceivedAsync(cluster, author, other);
        await EngagementIngestGrainTests.Ingest(cluster, Entities.Event(other, EngagementAction.Like, second, time.GetUtcNow().AddMinutes(-1)),
            Entities.Event(fan, EngagementAction.NotInterested, second, time.GetUtcNow().AddHours(-3)));
        var added = await ReceivedAsync(cluster, author, fan);
        time.Advance(TimeSpan.FromHours(7));
        var later = await ReceivedAsync(cluster, author, fan);

        Assert.True(fresh.Actual > 1.9f, $"two positive engagements received, read as {fresh.Actual}");
        Assert.True(decayed.Actual < fresh.Actual && added.Actual > decayed.Actual && later.Actual < added.Actual);
        foreach (var (expected, actual) in new[] { fresh, decayed, added, later })
        {
            Assert.Equal(expected, actual, tolerance: 1e-5f * expected);
        }
    }

    // What the author's grain answers, and the sum of its positive decayed counts at the longest half-life as its
    // activity view shows them at the same moment.
    private static async Task<(float Expected, float Actual)> ReceivedAsync(TestCluster cluster, long author, long viewer)
    {
        var actual = (await cluster.GrainFactory.GetGrain<IUserRankingGrain>(author).GetAuthorFacts(viewer)).EngagementsReceived;
        AggregateView view = (await cluster.GrainFactory.GetGrain<IUserGrain>(author).GetActivity()).AsAuthor;
        var expected = view.Actions.Where(a => EngagementSignals.IsPositive(a.Action)).Sum(a => a.Decayed[^1]);
        return (expected, actual);
    }
}
