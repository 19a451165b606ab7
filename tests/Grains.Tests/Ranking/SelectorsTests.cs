using Recsys.Grains.Ranking.Identifiers;
using Recsys.Grains.Ranking.Selectors;
using static Recsys.Grains.Tests.Ranking.RankingData;

namespace Recsys.Grains.Tests.Ranking;

/// <summary>The selectors of steps 3, 4 and 8; each test fails if its selector passes the input through.</summary>
[Trait("Category", "BVT")]
[Trait("Area", "Ranking")]
public sealed class SelectorsTests
{
    [Fact]
    public void A_post_found_by_two_sources_keeps_the_first_sources_copy()
    {
        var result = DropDuplicateCandidatesSelector.Instance.Select(Query(),
            [Candidate(1, source: InNetwork), Candidate(1, source: SocialGraph), Candidate(1, authorId: 0, reposter: 7), Candidate(2)]);

        Assert.Equal([(1L, "InNetwork", false), (1L, "InNetwork", true), (2L, "InNetwork", false)], result.Kept.Select(c => (c.PostId, c.Source.Name, c.IsRepost)));
        Assert.Single(result.Removed);
    }

    [Fact]
    public void Each_source_keeps_its_best_candidates_by_light_score()
    {
        var candidates = new[]
        {
            Candidate(1, source: InNetwork) with { LightScore = 0.1 }, Candidate(2, source: InNetwork) with { LightScore = 0.9 },
            Candidate(3, source: InNetwork) with { LightScore = 0.5 }, Candidate(4, source: SocialGraph) with { LightScore = 0.01 },
        };

        var result = new KeepTopPerSourceSelector(2).Select(Query(), candidates);

        Assert.Equal([2, 3, 4], Ids(result.Kept));
    }

    [Fact]
    public void Only_each_out_of_network_authors_best_post_stays()
    {
        var result = KeepBestOutOfNetworkPerAuthorSelector.Instance.Select(Query(),
            [Hydrated(1, authorId: 5, inNetwork: false, score: 1), Hydrated(2, authorId: 5, inNetwork: false, score: 2), Hydrated(3, authorId: 6, score: 1), Hydrated(4, authorId: 6, score: 2)]);

        Assert.Equal([2, 3, 4], Ids(result.Kept));
    }

    [Fact]
    public void Each_call_keeps_the_best_of_its_own_candidates_only()
    {
        var first = KeepBestOutOfNetworkPerAuthorSelector.Instance.Select(Query(), [Hydrated(1, authorId: 5, inNetwork: false, score: 10)]);
        var second = KeepBestOutOfNetworkPerAuthorSelector.Instance.Select(Query(), [Hydrated(2, authorId: 5, inNetwork: false, score: 1)]);

        Assert.Equal([1L], Ids(first.Kept));
        Assert.Equal([2L], Ids(second.Kept)); // not measured against the first call's best of author 5
    }

    [Fact]
    public void Candidates_are_ordered_by_score_best_first()
    {
        var result = SortByScoreSelector.Instance.Select(Query(), [Hydrated(1, score: 1), Hydrated(2, score: 3), Hydrated(3, score: 2)]);

        Assert.Equal([2, 3, 1], Ids(result.Kept));
    }

    [Fact]
    public void The_ranked_list_keeps_at_most_the_capped_numbers_of_in_network_and_out_of_network_candidates()
    {
        var ranked = Enumerable.Range(1, 10).Select(i => Hydrated(i, inNetwork: i % 2 == 0)).ToArray();

        var byKind = new DropExcessCandidatesSelector(maxInNetwork: 2, maxOutOfNetwork: 3, maxTotal: 100).Select(Query(), ranked);
        var byTotal = new DropExcessCandidatesSelector(maxInNetwork: 2, maxOutOfNetwork: 3, maxTotal: 4).Select(Query(), ranked);

        Assert.Equal([1, 2, 3, 4, 5], Ids(byKind.Kept));
        Assert.Equal([1, 2, 3, 4], Ids(byTotal.Kept));
    }

    [Fact]
    public void No_more_than_two_out_of_network_items_in_a_row_while_in_network_items_remain()
    {
        var o = new[] { 1L, 2, 3, 4, 5 }.Select(i => Hydrated(i, inNetwork: false));
        var i = new[] { 6L, 7 }.Select(id => Hydrated(id, inNetwork: true));
        var ranked = o.Concat(i).Append(Hydrated(8, inNetwork: false)).Append(Hydrated(9, inNetwork: false)).ToArray();

        var result = new DebunchOutOfNetworkSelector(2).Select(Query(), ranked);

        Assert.Equal([1, 2, 6, 3, 4, 7, 5, 8, 9], Ids(result.Kept));
        Assert.Empty(result.Removed);
    }

    [Fact]
    public void Component_names_are_camel_case_without_their_kind()
    {
        Assert.Equal("Filter:MutedWords", new FilterId("MutedWords").Scope);
        Assert.Throws<ArgumentException>(() => new FilterId("mutedWords"));
        Assert.Throws<ArgumentException>(() => new FilterId("MutedWordsFilter"));
        Assert.Throws<ArgumentException>(() => new SelectorId("Ab"));
        Assert.Throws<ArgumentException>(() => new ScorerId("Age_Decay"));
    }
}
