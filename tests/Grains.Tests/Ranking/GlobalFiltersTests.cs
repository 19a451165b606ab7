using Recsys.Grains.Ranking.Filters;
using static Recsys.Grains.Tests.Ranking.RankingData;

namespace Recsys.Grains.Tests.Ranking;

/// <summary>The global filters of step 3, cheapest first; each test fails if its filter keeps everything.</summary>
[Trait("Category", "BVT")]
[Trait("Area", "Ranking")]
public sealed class GlobalFiltersTests
{
    [Fact]
    public void Viewer_own_posts_and_posts_the_viewer_reposted_are_removed()
    {
        var result = ViewerOwnPostFilter.Instance.Apply(Query(), [Candidate(1, authorId: ViewerId), Candidate(2, authorId: 0, reposter: ViewerId), Candidate(3)]);

        Assert.Equal([3], Ids(result.Kept));
        Assert.Equal([1, 2], Ids(result.Removed));
    }

    [Fact]
    public void A_repost_is_dropped_when_its_original_is_a_candidate_and_only_the_first_repost_of_a_post_stays()
    {
        var candidates = new[] { Candidate(10, authorId: 0, reposter: 7), Candidate(10, authorId: 0, reposter: 8), Candidate(20, authorId: 0, reposter: 7), Candidate(20) };

        var result = RepostDeduplicationFilter.Instance.Apply(Query(), candidates);

        Assert.Equal([(10L, (long?)7L), (20L, null)], result.Kept.Select(c => (c.PostId, c.ReposterId)));
        Assert.Equal(2, result.Removed.Count);
    }

    [Fact]
    public void Repost_deduplication_keeps_what_the_rule_keeps_on_generated_lists_call_after_call()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var random = new Random(seed);
            var candidates = Enumerable.Range(0, random.Next(0, 60))
                .Select(_ => random.NextDouble() < 0.4 ? Candidate(random.Next(1, 30), authorId: 0, reposter: random.Next(2, 6)) : Candidate(random.Next(1, 30)))
                .ToArray();

            var result = RepostDeduplicationFilter.Instance.Apply(Query(), candidates);

            // The rule, written plainly: natives all stay; a repost stays when its original is not a candidate and no
            // earlier repost of the same post stayed.
            var natives = candidates.Where(c => !c.IsRepost).Select(c => c.PostId).ToHashSet();
            var reposted = new HashSet<long>();
            var expected = candidates.Where(c => !c.IsRepost || (!natives.Contains(c.PostId) && reposted.Add(c.PostId))).ToArray();
            Assert.Equal(expected, result.Kept);
            Assert.Equal(candidates.Length - expected.Length, result.Removed.Count);
        }
    }

    [Fact]
    public void Posts_in_the_viewers_impressions_are_removed()
    {
        var result = PreviouslySeenFilter.Instance.Apply(Query(Viewer(impressions: [2])), [Candidate(1), Candidate(2)]);

        Assert.Equal([1], Ids(result.Kept));
    }

    [Fact]
    public void Previously_served_posts_are_removed_only_when_paging()
    {
        var candidates = new[] { Candidate(1), Candidate(2) };

        var paging = PreviouslyServedFilter.Instance.Apply(Query(served: [1], paging: true), candidates);
        var fresh = PreviouslyServedFilter.Instance.Apply(Query(served: [1], paging: false), candidates);

        Assert.Equal([2], Ids(paging.Kept));
        Assert.Equal([1, 2], Ids(fresh.Kept));
    }

    [Fact]
    public void Fatigue_younger_than_the_window_removes_the_author_the_reposter_or_posts_all_of_whose_proof_users_are_fatigued()
    {
        var fatigue = new Dictionary<long, DateTimeOffset> { [100] = Now.AddDays(-3), [7] = Now.AddDays(-1), [8] = Now.AddDays(-2), [200] = Now.AddDays(-20) };
        var candidates = new[]
        {
            Candidate(1, authorId: 100),
            Candidate(2, authorId: 0, reposter: 7),
            Candidate(3, authorId: 300, inNetwork: false, proof: [7, 8]),
            Candidate(4, authorId: 300, inNetwork: false, proof: [7, 9]),
            Candidate(5, authorId: 200),
        };

        var result = new FeedbackFatigueFilter(TimeSpan.FromDays(14)).Apply(Query(Viewer(fatigue: fatigue)), candidates);

        Assert.Equal([4, 5], Ids(result.Kept));
        Assert.Equal([1, 2, 3], Ids(result.Removed));
    }

    [Fact]
    public void Posts_the_viewer_marked_not_interested_or_reported_are_removed()
    {
        var result = DislikedPostFilter.Instance.Apply(Query(Viewer(disliked: [1])), [Candidate(1), Candidate(2)]);

        Assert.Equal([2], Ids(result.Kept));
    }

    [Fact]
    public void A_gated_filter_keeps_everything_while_its_switch_is_off()
    {
        var filter = new ParamGatedFilter(DislikedPostFilter.Instance, () => false);

        var result = filter.Apply(Query(Viewer(disliked: [1])), [Candidate(1), Candidate(2)]);

        Assert.Equal([1, 2], Ids(result.Kept));
        Assert.Equal("Filter:DislikedPost", filter.Id.Scope);
    }
}
