using Recsys.Grains.Interfaces.Engagements;

namespace Recsys.Grains.Sample;

/// <summary>
/// Engagements drawn from latent interests: each user views posts (a third from accounts it follows, the rest from
/// topics drawn by its interests, authors by popularity), each view is an impression, and what follows it (dwell,
/// click, like, repost, reply, ...) is likelier the more the post's topic matches the viewer's interests; a poor
/// match sometimes earns "not interested". Users also log in on most days. Ids are "s{seed}-{n}".
/// </summary>
internal static class SampleEngagementsGenerator
{
    public static EngagementEvent[] Generate(SampleOptions options, SampleDataParts parts, DateTimeOffset now, Random random)
    {
        var events = new List<EngagementEvent>();
        var posts = parts.Posts;
        var topicPosts = Enumerable.Range(0, parts.Communities).Select(t => posts.Where(p => p.Topic == t).ToArray()).ToArray();
        var topicSamplers = topicPosts.Select(list => new WeightedSampler(list.Select(p => Math.Sqrt(parts.UserById[p.Post.AuthorId].Popularity)).ToArray())).ToArray();
        var postsByAuthor = posts.GroupBy(p => p.Post.AuthorId).ToDictionary(g => g.Key, g => g.ToArray());
        var followees = parts.Follows.GroupBy(f => f.FollowerId).ToDictionary(g => g.Key, g => g.Select(f => f.FolloweeId).ToArray());
        var next = 0L;
        EngagementEvent New(long user, EngagementAction action, long? post, DateTimeOffset at, double? value = null) =>
            new($"s{options.Seed}-{++next}", user, action, post, null, SampleUsersGenerator.TruncateToSeconds(at), value);

        foreach (var user in parts.Users)
        {
            var id = user.Profile.Id;
            var interests = new WeightedSampler(user.Interests.Select(v => (double)v).ToArray());
            var strongest = user.Interests.Max();
            var followed = followees.GetValueOrDefault(id, []).SelectMany(f => postsByAuthor.GetValueOrDefault(f, [])).ToArray();
            var views = random.Count(options.AverageViewsPerUser * user.Activity);
            for (var v = 0; v < views; v++)
            {
                var post = followed.Length > 0 && random.Chance(1 / 3d) ? followed[random.Next(followed.Length)]
                    : interests.Sample(random) is var t && !topicSamplers[t].IsEmpty ? topicPosts[t][topicSamplers[t].Sample(random)] : null;
                var at = post is null ? now : post.Post.CreatedAt + TimeSpan.FromHours(random.Exponential(3));
                if (post is null || post.Post.AuthorId == id || at > now)
                {
                    continue;
                }

                var match = user.Interests[post.Topic] / strongest;
                events.AddRange(Reactions(id, post, match, at, now, random, New));
            }

            for (var day = 0; day < (int)Math.Ceiling(options.History.TotalDays); day++)
            {
                var at = now - TimeSpan.FromDays(day + random.NextDouble());
                if (at <= now && random.Chance(0.3 + 0.6 * Math.Min(1, user.Activity)))
                {
                    events.Add(New(id, EngagementAction.Login, null, at));
                }
            }
        }

        return events.OrderBy(e => e.Time).ThenBy(e => e.Id, StringComparer.Ordinal).ToArray();
    }

    private static IEnumerable<EngagementEvent> Reactions(long user, SamplePost post, double match, DateTimeOffset at, DateTimeOffset now, Random random,
        Func<long, EngagementAction, long?, DateTimeOffset, double?, EngagementEvent> create)
    {
        var id = post.Post.Id;
        yield return create(user, EngagementAction.Impression, id, at, null);
        var later = at + TimeSpan.FromSeconds(5 + random.Next(60));
        later = later > now ? now : later;
        if (random.Chance(0.3 + 0.4 * match))
        {
            yield return create(user, EngagementAction.Dwell, id, later, Math.Round(2_000 * random.LogNormal(0.8) * (0.5 + match)));
        }

        foreach (var (action, probability) in Rates(match, post.Post.HasMedia))
        {
            if (random.Chance(probability))
            {
                yield return create(user, action, id, later, action == EngagementAction.VideoView ? Math.Round(random.NextDouble(), 2) : null);
            }
        }
    }

    private static IEnumerable<(EngagementAction, double)> Rates(double match, bool media)
    {
        yield return (EngagementAction.Click, 0.05 + 0.2 * match);
        yield return (EngagementAction.Like, 0.05 + 0.35 * match);
        yield return (EngagementAction.Repost, 0.01 + 0.06 * match);
        yield return (EngagementAction.Reply, 0.01 + 0.03 * match);
        yield return (EngagementAction.Bookmark, 0.005 + 0.02 * match);
        yield return (EngagementAction.Share, 0.003 + 0.01 * match);
        yield return (EngagementAction.ProfileClick, 0.01 + 0.04 * match);
        yield return (EngagementAction.NotInterested, 0.03 * (1 - match));
        if (media)
        {
            yield return (EngagementAction.PhotoExpand, 0.2 * match);
            yield return (EngagementAction.VideoView, 0.2 * match);
        }
    }
}

/// <summary>What the engagement generator reads of the earlier stages.</summary>
internal sealed record SampleDataParts(
    IReadOnlyList<SampleUser> Users,
    IReadOnlyDictionary<long, SampleUser> UserById,
    IReadOnlyList<SampleFollow> Follows,
    IReadOnlyList<SamplePost> Posts,
    int Communities);
