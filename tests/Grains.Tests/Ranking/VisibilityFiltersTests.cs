using Recsys.Grains.Interfaces.Posts;
using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Ranking.Filters;
using static Recsys.Grains.Tests.Ranking.RankingData;

namespace Recsys.Grains.Tests.Ranking;

/// <summary>Visibility (step 8) and the anti-gaming rule (step 7); each test fails if its filter keeps everything.</summary>
[Trait("Category", "BVT")]
[Trait("Area", "Ranking")]
public sealed class VisibilityFiltersTests
{
    [Fact]
    public void Candidates_whose_post_or_author_could_not_be_read_or_whose_author_is_suspended_are_removed()
    {
        var suspended = Hydrated(3) with { Author = Hydrated(3).Author! with { Suspended = true } };
        var missingAuthor = Hydrated(4) with { Author = Recsys.Grains.Interfaces.Timeline.AuthorFacts.Missing(100) };

        var result = UnavailableFilter.Instance.Apply(Query(), [Hydrated(1), Candidate(2), suspended, missingAuthor]);

        Assert.Equal([1], Ids(result.Kept));
    }

    [Fact]
    public void Posts_whose_author_or_reposter_the_viewer_blocked_muted_or_reported_are_removed()
    {
        var viewer = Viewer(blocks: [11], mutes: [12], reported: [13]);
        var candidates = new[] { Hydrated(1, authorId: 11), Hydrated(2, authorId: 12), Hydrated(3, authorId: 13), Hydrated(6, authorId: 16, reposter: 12), Hydrated(7, authorId: 17) };

        var result = ViewerRelationshipFilter.Instance.Apply(Query(viewer), candidates);

        Assert.Equal([7], Ids(result.Kept));
    }

    [Fact]
    public void Posts_whose_author_blocks_or_mutes_the_viewer_are_removed()
    {
        var candidates = new[] { Hydrated(4, authorId: 14, blocksViewer: true), Hydrated(5, authorId: 15, mutesViewer: true), Hydrated(7, authorId: 17) };

        var result = AuthorRelationshipFilter.Instance.Apply(Query(), candidates);

        Assert.Equal([7], Ids(result.Kept));
    }

    [Fact]
    public void Muted_words_match_whole_words_phrases_and_hashtags_ignoring_case()
    {
        var viewer = Viewer(mutedWords: ["spoiler", "big game", "#finals"]);
        var candidates = new[]
        {
            Hydrated(1, text: "No SPOILER here"), Hydrated(2, text: "spoilers are fine"), Hydrated(3, text: "the big game tonight"),
            Hydrated(4, text: "a big, game") , Hydrated(5, text: "go team") with { Post = Hydrated(5).Post! with { Info = Post(5, 100) with { Hashtags = ["Finals"] } } },
        };

        var result = MutedWordsFilter.Instance.Apply(Query(viewer), candidates);

        Assert.Equal([2, 4], Ids(result.Kept));
    }

    [Theory]
    [InlineData(SensitiveMediaSetting.Hide, new long[] { 3 })]
    [InlineData(SensitiveMediaSetting.Warn, new long[] { 1, 3 })]
    [InlineData(SensitiveMediaSetting.Show, new long[] { 1, 2, 3 })]
    public void Nsfw_posts_follow_the_viewers_sensitive_media_setting(SensitiveMediaSetting setting, long[] kept)
    {
        var candidates = new[]
        {
            Hydrated(1, inNetwork: true, labels: [PostLabel.Nsfw]), Hydrated(2, inNetwork: false, labels: [PostLabel.Nsfw]), Hydrated(3, inNetwork: false),
        };

        var result = SensitiveMediaFilter.Instance.Apply(Query(Viewer(media: setting)), candidates);

        Assert.Equal(kept, Ids(result.Kept));
    }

    [Fact]
    public void Out_of_network_posts_with_health_labels_are_not_amplified_but_followees_posts_stay()
    {
        var candidates = new[]
        {
            Hydrated(1, inNetwork: true, labels: [PostLabel.Toxicity]), Hydrated(2, inNetwork: false, labels: [PostLabel.Toxicity]),
            Hydrated(3, inNetwork: false, labels: [PostLabel.Misinformation]), Hydrated(4, inNetwork: false),
        };

        var result = HealthLabelFilter.Instance.Apply(Query(), candidates);

        Assert.Equal([1, 4], Ids(result.Kept));
    }

    [Fact]
    public void An_out_of_network_post_needs_social_or_interest_proof_a_verified_author_or_to_be_a_reply()
    {
        var candidates = new[]
        {
            Hydrated(1, inNetwork: true), Hydrated(2, inNetwork: false), Hydrated(3, inNetwork: false, proof: [7]), Hydrated(4, inNetwork: false, verified: true),
            Hydrated(5, inNetwork: false) with { InterestProof = true }, Hydrated(6, inNetwork: false, replyTo: 99),
        };

        var result = SocialContextFilter.Instance.Apply(Query(), candidates);

        Assert.Equal([1, 3, 4, 5, 6], Ids(result.Kept));
    }

    [Fact]
    public void A_post_another_candidate_replies_to_is_removed_so_the_conversation_shows_once()
    {
        var result = DuplicateConversationFilter.Instance.Apply(Query(), [Hydrated(1), Hydrated(2, replyTo: 1), Hydrated(3, replyTo: 2), Hydrated(4)]);

        Assert.Equal([3, 4], Ids(result.Kept));
    }

    [Fact]
    public void Out_of_network_authors_at_or_below_tweepcred_65_contribute_at_most_three_their_best()
    {
        var candidates = Enumerable.Range(1, 5).Select(i => Hydrated(i, authorId: 50, inNetwork: false, tweepcred: 65, score: i))
            .Concat(Enumerable.Range(6, 5).Select(i => Hydrated(i, authorId: 60, inNetwork: false, tweepcred: 66, score: i)))
            .Concat(Enumerable.Range(11, 5).Select(i => Hydrated(i, authorId: 70, inNetwork: true, tweepcred: 10, score: i)))
            .Concat(Enumerable.Range(16, 4).Select(i => Hydrated(i, authorId: 80, inNetwork: false, tweepcred: null, score: i)))
            .ToArray();

        var result = new AntiGamingFilter(65, 3).Apply(Query(), candidates);

        Assert.Equal([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 17, 18, 19], Ids(result.Kept));
    }
}
