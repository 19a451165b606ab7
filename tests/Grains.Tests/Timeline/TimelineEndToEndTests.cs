using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Interfaces.Errors;
using Recsys.Grains.Interfaces.Posts;
using Recsys.Grains.Interfaces.Timeline;
using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Tests.Support;
using Xunit.Abstractions;

namespace Recsys.Grains.Tests.Timeline;

/// <summary>
/// The For You timeline end to end on the generated sample (2,000 users, SimClusters run, engagements ingested).
/// Each test takes its own viewers, so the tests of this class can share one loaded silo.
/// </summary>
[Trait("Category", "Functional")]
[Trait("Area", "Timeline")]
public sealed class TimelineEndToEndTests(TimelineCluster sample, ITestOutputHelper output) : IClassFixture<TimelineCluster>
{
    [Fact]
    public async Task A_page_comes_back_explained_from_every_source_with_scores_that_add_up()
    {
        var viewer = sample.TypicalViewers(40)[0];

        var page = await sample.ForYouAsync(viewer, explain: true);

        Assert.Equal(ForYouRequest.DefaultCount, page.Items.Count);
        Assert.NotNull(page.Cursor);
        Assert.Equal(page.Items.Count, page.Items.Select(i => i.PostId).Distinct().Count());
        var stats = page.Stats!;
        Assert.Empty(stats.FailedSources);
        Assert.All(["InNetwork", "SocialGraph", "SimClusters"], s => Assert.True(stats.Sources[s] > 0, s));
        Assert.InRange(stats.Sources.Values.Sum(), 200, 2_000);
        foreach (var item in page.Items)
        {
            var explain = item.Explain!;
            Assert.Equal(10, explain.Heads.Count);
            Assert.All(explain.Heads.Values, p => Assert.InRange(p, 0, 1));
            Assert.Equal("default-v0", explain.ModelVersions["heavy-ranker"]);
            Assert.Equal("default-v0", explain.ModelVersions["light-ranker"]);
            Assert.Equal(explain.WeightedScore * explain.Factors.Aggregate(1.0, (p, f) => p * f.Factor), item.Score, 9);
            Assert.Equal(item.Score, explain.FinalScore);
            Assert.Contains("Filter:SocialContext", explain.FiltersPassed);
            Assert.Contains(explain.Factors, f => f.Name == "AgeDecay");
            Assert.Equal(item.Source, explain.Source);
        }

        output.WriteLine(string.Join("\n", page.Items.Select(i => $"{i.PostId} {i.Source} in={i.InNetwork} {i.Score:F4} {string.Join(",", i.Explain!.Factors.Select(f => $"{f.Name}={f.Factor:F2}"))}")));
    }

    [Fact]
    public async Task The_served_page_of_a_typical_user_is_between_30_and_70_percent_in_network()
    {
        var shares = new List<double>();
        foreach (var viewer in sample.TypicalViewers(40).Skip(1).Take(9))
        {
            var page = await sample.ForYouAsync(viewer, explain: true);
            var share = page.Items.Count(i => i.InNetwork) / (double)Math.Max(1, page.Items.Count);
            shares.Add(share);
            output.WriteLine($"viewer {viewer}: {page.Items.Count} items, {share:P0} in-network; sources {string.Join(", ", page.Stats!.Sources.Select(s => $"{s.Key}={s.Value}"))}");
        }

        Assert.InRange(shares.Order().ElementAt(shares.Count / 2), 0.3, 0.7);
    }

    [Fact]
    public async Task The_popular_source_runs_for_a_viewer_returning_after_a_day_and_not_again_within_it()
    {
        var candidates = sample.TypicalViewers(60).Skip(40).ToArray();
        var states = await Task.WhenAll(candidates.Select(v => sample.Grains.GetGrain<IUserGrain>(v).GetProfile()));
        var viewer = states.First(s => s.State is not (UserState.New or UserState.NearZero)).Id; // those always get popular

        var first = await sample.ForYouAsync(viewer, count: 5, explain: true);
        var again = await sample.ForYouAsync(viewer, count: 5, explain: true);

        Assert.True(first.Stats!.Sources["Popular"] > 0);
        Assert.Equal(0, again.Stats!.Sources["Popular"]);
    }

    [Fact]
    public async Task Every_visibility_rule_holds_on_the_served_page()
    {
        var viewer = sample.TypicalViewers(40)[10];
        var grains = sample.Grains;
        var now = sample.Time.GetUtcNow();
        var before = await sample.ForYouAsync(viewer, count: 100);
        var inNetworkAuthors = before.Items.Where(i => i.InNetwork && i.SocialProof.Count == 0).Select(i => i.AuthorId).Distinct().ToArray();
        Assert.True(inNetworkAuthors.Length >= 5, "enough followees on the first page to exercise the rules");
        var (blocked, muted, blocksViewer, mutesViewer, writer) = (inNetworkAuthors[0], inNetworkAuthors[1], inNetworkAuthors[2], inNetworkAuthors[3], inNetworkAuthors[4]);

        var user = grains.GetGrain<IUserGrain>(viewer);
        await user.Block(blocked);
        await user.Mute(muted);
        await grains.GetGrain<IUserGrain>(blocksViewer).Block(viewer);
        await grains.GetGrain<IUserGrain>(mutesViewer).Mute(viewer);
        await user.SetMutedWords(["zorbulax"]);
        var profile = sample.Data.Users.Single(u => u.Profile.Id == viewer).Profile;
        await user.Upsert(profile with { SensitiveMediaSetting = SensitiveMediaSetting.Hide });
        var stranger = sample.Data.Users.Select(u => u.Profile.Id).First(u => u != viewer && !inNetworkAuthors.Contains(u)
            && !sample.Data.Follows.Any(f => f.FollowerId == viewer && f.FolloweeId == u));
        var mutedPost = await CreatePostAsync(writer, now, "the zorbulax is back");
        var nsfwPost = await CreatePostAsync(writer, now, "late night", PostLabel.Nsfw);
        var toxicPost = await CreatePostAsync(stranger, now, "you are all wrong", PostLabel.Toxicity);
        await grains.GetGrain<IEngagementIngestGrain>(0).Ingest([Entities.Event(writer, EngagementAction.Like, toxicPost, now)]);
        sample.Time.Advance(TimelineCluster.RankedListTtl); // past the cached scored candidates, so the sources find the new posts

        var page = await sample.ForYouAsync(viewer, count: 100, explain: true);

        Assert.NotEmpty(page.Items);
        var context = await user.GetViewerContext();
        var posts = await Task.WhenAll(page.Items.Select(i => grains.GetGrain<IPostGrain>(i.PostId).GetView()));
        var authors = await Task.WhenAll(page.Items.Select(i => grains.GetGrain<IUserGrain>(i.AuthorId).GetProfile()));
        Assert.DoesNotContain(page.Items, i => new[] { blocked, muted, blocksViewer, mutesViewer, viewer }.Contains(i.AuthorId));
        Assert.DoesNotContain(page.Items, i => new[] { mutedPost, nsfwPost, toxicPost }.Contains(i.PostId));
        Assert.DoesNotContain(posts, p => p.Post.Text.Contains("zorbulax", StringComparison.OrdinalIgnoreCase) || p.Post.Labels.Contains(PostLabel.Nsfw));
        Assert.DoesNotContain(page.Items, i => context.Impressions.Contains(i.PostId));
        for (var i = 0; i < page.Items.Count; i++)
        {
            var item = page.Items[i];
            Assert.True(item.InNetwork || item.SocialProof.Count > 0 || item.Source == "SimClusters" || posts[i].Post.ReplyToId is not null
                || authors[i].Verified, $"out-of-network {item.PostId} has no social or interest proof");
            Assert.False(!item.InNetwork && posts[i].Post.Labels.Any(l => l is PostLabel.Toxicity or PostLabel.Misinformation), $"labelled {item.PostId}");
            Assert.DoesNotContain(posts, other => other.Post.ReplyToId == item.PostId);
        }

        Assert.Equal(page.Items.Count, page.Items.Select(i => i.PostId).Distinct().Count());
        var outOfNetwork = page.Items.Where(i => !i.InNetwork).ToArray();
        Assert.Equal(outOfNetwork.Length, outOfNetwork.Select(i => i.AuthorId).Distinct().Count());
        var lastInNetwork = page.Items.Select((item, index) => (item, index)).LastOrDefault(p => p.item.InNetwork).index;
        for (var i = 2; i <= lastInNetwork; i++)
        {
            Assert.False(!page.Items[i].InNetwork && !page.Items[i - 1].InNetwork && !page.Items[i - 2].InNetwork, $"three out-of-network in a row at {i}");
        }

        var removed = page.Stats!.Removed;
        Assert.True(removed.ContainsKey("Filter:BlockedOrMutedByViewer") && removed.ContainsKey("Filter:BlockedOrMutedByAuthor")
            && removed.ContainsKey("Filter:MutedWords") && removed.ContainsKey("Filter:SensitiveMedia"),
            string.Join(", ", removed.Select(r => $"{r.Key}={r.Value}")));
    }

    [Fact]
    public async Task A_failing_source_is_skipped_and_the_page_still_comes_back()
    {
        var viewer = sample.TypicalViewers(40)[20];
        sample.Injected.Behaviour = InjectedSource.Mode.Throw;
        try
        {
            var page = await sample.ForYouAsync(viewer, explain: true);

            Assert.NotEmpty(page.Items);
            Assert.Contains(page.Stats!.FailedSources, f => f.StartsWith("Injected: InvalidOperationException", StringComparison.Ordinal));
            Assert.True(page.Stats.Sources["InNetwork"] > 0);
        }
        finally
        {
            sample.Injected.Behaviour = InjectedSource.Mode.Empty;
        }
    }

    [Fact]
    public async Task A_source_that_times_out_is_skipped_and_the_page_still_comes_back()
    {
        var viewer = sample.TypicalViewers(40)[21];
        sample.Injected.Behaviour = InjectedSource.Mode.Hang;
        try
        {
            var started = sample.Injected.Started;
            var request = sample.ForYouAsync(viewer, explain: true);
            await started;
            sample.Time.Advance(TimelineCluster.InjectedTimeout);
            var page = await request;

            Assert.NotEmpty(page.Items);
            Assert.Contains(page.Stats!.FailedSources, f => f.StartsWith("Injected: timed out", StringComparison.Ordinal));
            Assert.True(page.Stats.Sources["InNetwork"] > 0);
        }
        finally
        {
            sample.Injected.Behaviour = InjectedSource.Mode.Empty;
        }
    }

    [Fact]
    public async Task Negative_feedback_changes_the_very_next_page()
    {
        var viewer = sample.TypicalViewers(40)[30];
        var (expected, laterAuthors) = await TwoPagesAsync(viewer);
        var first = await sample.ForYouAsync(viewer, count: 10);
        var second = await sample.ForYouAsync(viewer, count: 10, cursor: first.Cursor);
        Assert.Equal(expected.Items.Select(i => i.PostId), first.Items.Concat(second.Items).Select(i => i.PostId));
        Assert.True(laterAuthors.Length >= 4, "enough authors on the next page to give each kind of feedback");
        var (notInterested, muted, blocked, reported) = (laterAuthors[0], laterAuthors[1], laterAuthors[2], laterAuthors[3]);
        var page = await sample.ForYouAsync(viewer, count: 10);
        var now = sample.Time.GetUtcNow();
        long PostBy(long author) => expected.Items.First(i => i.AuthorId == author).PostId;
        await sample.Grains.GetGrain<IEngagementIngestGrain>(0).Ingest(
        [
            Entities.Event(viewer, EngagementAction.NotInterested, PostBy(notInterested), now),
            Entities.Event(viewer, EngagementAction.Mute, null, now, targetUserId: muted),
            Entities.Event(viewer, EngagementAction.Report, PostBy(reported), now),
        ]);
        await sample.Grains.GetGrain<IUserGrain>(viewer).Block(blocked);
        var next = await sample.ForYouAsync(viewer, count: 10, cursor: page.Cursor, explain: true);

        Assert.True(next.Stats!.FromCache);
        Assert.NotEmpty(next.Items);
        Assert.DoesNotContain(next.Items, i => new[] { notInterested, muted, blocked, reported }.Contains(i.AuthorId));
        Assert.Empty(next.Items.Select(i => i.PostId).Intersect(page.Items.Select(i => i.PostId)));
    }

    [Fact]
    public async Task An_author_who_blocks_or_mutes_the_viewer_or_is_suspended_leaves_the_very_next_page()
    {
        var viewer = sample.TypicalViewers(40)[25];
        var (expected, laterAuthors) = await TwoPagesAsync(viewer);
        var page = await sample.ForYouAsync(viewer, count: 10);
        Assert.Equal(expected.Items.Take(10).Select(i => i.PostId), page.Items.Select(i => i.PostId));
        Assert.True(laterAuthors.Length >= 3, "enough authors on the next page for each rule");
        var (blocking, muting, suspended) = (laterAuthors[0], laterAuthors[1], laterAuthors[2]);
        await sample.Grains.GetGrain<IUserGrain>(blocking).Block(viewer);
        await sample.Grains.GetGrain<IUserGrain>(muting).Mute(viewer);
        var profile = await sample.Grains.GetGrain<IUserGrain>(suspended).GetProfile();
        await sample.Grains.GetGrain<IUserGrain>(suspended).Upsert(
            new UserProfile(profile.Id, profile.Handle, profile.Language, profile.Country, profile.SignupTime, profile.Verified, profile.Subscriber, Suspended: true));
        var next = await sample.ForYouAsync(viewer, count: 10, cursor: page.Cursor, explain: true);

        // The kept list's later candidates had their authors read only now, for this page.
        Assert.True(next.Stats!.FromCache);
        Assert.NotEmpty(next.Items);
        Assert.DoesNotContain(next.Items, i => new[] { blocking, muting, suspended }.Contains(i.AuthorId));
        Assert.True(next.Stats.Removed.GetValueOrDefault("Filter:BlockedOrMutedByAuthor") >= 2);
        Assert.True(next.Stats.Removed.GetValueOrDefault("Filter:Unavailable") >= 1);
    }

    [Fact]
    public async Task A_refresh_within_minutes_reuses_the_scored_candidates_and_the_sources_run_again_once_they_expire()
    {
        var viewer = sample.TypicalViewers(40)[15];
        var first = await sample.ForYouAsync(viewer, explain: true);

        var refresh = await sample.ForYouAsync(viewer, explain: true);

        Assert.Equal(0, first.Stats!.Sources["CachedScored"]);
        Assert.True(first.Stats.Hydrated > 0);
        var stats = refresh.Stats!;
        Assert.True(stats.Sources["CachedScored"] >= 100, $"{stats.Sources["CachedScored"]} cached");
        Assert.Equal(0, stats.Sources["InNetwork"]); // gated off: at least 30 of its candidates are cached and unseen
        Assert.Equal(0, stats.Hydrated);
        Assert.Equal(first.Items.Select(i => (i.PostId, i.Source, i.Score)), refresh.Items.Select(i => (i.PostId, i.Source, i.Score)));
        Assert.All(refresh.Items, item => Assert.Equal(item.Explain!.WeightedScore * item.Explain.Factors.Aggregate(1.0, (p, f) => p * f.Factor), item.Score, 9));
        Assert.Equal(first.Items.Select(i => i.Explain!.Heads), refresh.Items.Select(i => i.Explain!.Heads));

        sample.Time.Advance(TimelineCluster.RankedListTtl); // the cached scored candidates' life in this fixture
        var later = await sample.ForYouAsync(viewer, explain: true);

        Assert.Equal(0, later.Stats!.Sources["CachedScored"]);
        Assert.True(later.Stats.Sources["InNetwork"] > 0);
        Assert.True(later.Stats.Hydrated > 0);
    }

    [Fact]
    public async Task Pages_never_repeat_and_an_expired_cursor_still_skips_what_was_served()
    {
        var viewer = sample.TypicalViewers(40)[35];
        var first = await sample.ForYouAsync(viewer, count: 15);
        var second = await sample.ForYouAsync(viewer, count: 15, cursor: first.Cursor);
        sample.Time.Advance(TimelineCluster.RankedListTtl + TimeSpan.FromSeconds(1)); // past the life of the kept ranked list
        var third = await sample.ForYouAsync(viewer, count: 15, cursor: second.Cursor, explain: true);

        var served = first.Items.Concat(second.Items).Concat(third.Items).Select(i => i.PostId).ToArray();
        Assert.Equal(45, served.Length);
        Assert.Equal(served.Length, served.Distinct().Count());
        Assert.False(third.Stats!.FromCache);
        Assert.True(third.Stats.Removed.GetValueOrDefault("Filter:PreviouslyServed") > 0);
    }

    [Fact]
    public async Task A_bad_count_or_cursor_names_the_field_and_an_unknown_viewer_is_unknown()
    {
        var viewer = sample.TypicalViewers(40)[36];

        var count = await Assert.ThrowsAsync<ValidationException>(() => sample.ForYouAsync(viewer, count: 0));
        var cursor = await Assert.ThrowsAsync<ValidationException>(() => sample.ForYouAsync(viewer, cursor: "not-a-cursor"));
        var unknown = await Assert.ThrowsAsync<UnknownEntityException>(() => sample.ForYouAsync(DomainSilo.UniqueId()));

        Assert.Equal(("count", "cursor", EntityKind.User), (count.Field, cursor.Field, unknown.Kind));
    }

    private async Task<long> CreatePostAsync(long author, DateTimeOffset now, string text, params PostLabel[] labels)
    {
        var id = DomainSilo.UniqueId();
        await sample.Grains.GetGrain<IPostGrain>(id).Create(new PostRecord(id, author, text, now.AddMinutes(-1), "en", Labels: labels));
        return id;
    }

    // Two pages' worth for a viewer (after its first request, which also asks the popular source; later ones within
    // 24 h do not), and the authors on the second page who are not on the first.
    private async Task<(ForYouPage TwoPages, long[] LaterAuthors)> TwoPagesAsync(long viewer)
    {
        await sample.ForYouAsync(viewer, count: 1);
        var expected = await sample.ForYouAsync(viewer, count: 20);
        return (expected, expected.Items.Skip(10).Select(i => i.AuthorId).Except(expected.Items.Take(10).Select(i => i.AuthorId)).ToArray());
    }
}
