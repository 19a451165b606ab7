using Recsys.Grains.Interfaces.Posts;
using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Filters;
using Recsys.Grains.Timeline;
using static Recsys.Grains.Tests.Ranking.RankingData;

namespace Recsys.Grains.Tests.Timeline;

[Trait("Category", "BVT")]
[Trait("Area", "ForYou")]
public sealed class ForYouStagesTests
{
    [Fact]
    public void Filters_run_in_one_pass_keep_and_count_exactly_what_they_keep_and_count_one_after_another()
    {
        var viewer = Viewer(follows: [100, 101], blocks: [102], mutes: [103], mutedWords: ["zorbulax"], impressions: [5], disliked: [6],
            fatigue: new Dictionary<long, DateTimeOffset> { [104] = Now.AddHours(-1) });
        var query = Query(viewer);
        Candidate[] candidates =
        [
            Hydrated(1), Hydrated(2, authorId: 102), Hydrated(3, authorId: 103), Hydrated(4, text: "the zorbulax again"), Hydrated(5),
            Hydrated(6), Hydrated(7, authorId: 104), Hydrated(8, authorId: 200, inNetwork: false), Hydrated(9, authorId: 201, inNetwork: false, proof: [100]),
            Hydrated(10, authorId: 202, inNetwork: false, labels: [PostLabel.Toxicity], proof: [100]), Hydrated(11, authorId: ViewerId),
            Hydrated(12, replyTo: 1), Hydrated(13, authorId: 102, replyTo: 9), Hydrated(14, labels: [PostLabel.Nsfw]), Candidate(15),
            Hydrated(16, authorId: 105, blocksViewer: true), Hydrated(17, authorId: 106, mutesViewer: true), Hydrated(18, authorId: 102, text: "zorbulax"),
        ];
        IFilter[] filters =
        [
            UnavailableFilter.Instance, ViewerOwnPostFilter.Instance, new FeedbackFatigueFilter(TimeSpan.FromDays(1)), DislikedPostFilter.Instance,
            PreviouslySeenFilter.Instance, ViewerRelationshipFilter.Instance, MutedWordsFilter.Instance, new ParamGatedFilter(SensitiveMediaFilter.Instance, () => false),
            HealthLabelFilter.Instance, SocialContextFilter.Instance, DuplicateConversationFilter.Instance, AuthorRelationshipFilter.Instance,
            new ParamGatedFilter(SensitiveMediaFilter.Instance, () => true),
        ];

        var stats = new PipelineStats();
        var kept = ForYouStages.Filter(filters, query, candidates, stats);

        IReadOnlyList<Candidate> expected = candidates;
        var removed = new Dictionary<string, int>();
        foreach (var filter in filters)
        {
            var result = filter.Apply(query, expected);
            if (result.Removed.Count > 0)
            {
                removed[filter.Id.Scope] = removed.GetValueOrDefault(filter.Id.Scope) + result.Removed.Count;
            }

            expected = result.Kept;
        }

        Assert.Equal(Ids(expected), Ids(kept));
        Assert.Equal(removed.OrderBy(r => r.Key), stats.Removed.OrderBy(r => r.Key));
        Assert.Equal([9L, 12L, 14L], Ids(kept)); // 1 has a reply kept (12); 9 has one only from a blocked author (13); 14 is a followee's, shown with a warning
        Assert.True(removed.Count >= 10, "most filters removed something");
    }
}
