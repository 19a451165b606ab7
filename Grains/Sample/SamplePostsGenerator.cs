using Recsys.Grains.Interfaces.Posts;

namespace Recsys.Grains.Sample;

/// <summary>
/// Posts written by active users about topics drawn from their interests, from the topic's vocabulary, spread
/// over the history window; ids grow with time (as snowflake ids do); one in ten replies to an earlier post of the
/// same topic.
/// </summary>
internal static class SamplePostsGenerator
{
    public static SamplePost[] Generate(SampleOptions options, IReadOnlyList<SampleUser> users, IReadOnlyList<SampleTopic> communities, DateTimeOffset now, Random random)
    {
        var drafts = new List<(long Author, int Topic, string Text, string[] Tags, bool Media, DateTimeOffset At)>();
        foreach (var user in users)
        {
            var interests = new WeightedSampler(user.Interests.Select(v => (double)v).ToArray());
            var count = random.Count(options.AveragePostsPerUser * user.Activity);
            for (var k = 0; k < count; k++)
            {
                var topic = interests.Sample(random);
                var at = SampleUsersGenerator.TruncateToSeconds(now - options.History * random.NextDouble());
                var (text, tags) = Write(communities[topic], random);
                drafts.Add((user.Profile.Id, topic, text, tags, random.Chance(0.25), at));
            }
        }

        drafts.Sort((a, b) => a.At.CompareTo(b.At) is var byTime and not 0 ? byTime : a.Author.CompareTo(b.Author));
        var posts = new SamplePost[drafts.Count];
        var byTopic = new Dictionary<int, List<long>>();
        for (var i = 0; i < drafts.Count; i++)
        {
            var d = drafts[i];
            var earlier = byTopic.TryGetValue(d.Topic, out var list) ? list : byTopic[d.Topic] = [];
            long? replyTo = earlier.Count > 0 && random.Chance(0.1) ? earlier[random.Next(earlier.Count)] : null;
            var id = i + 1L;
            posts[i] = new SamplePost(new PostRecord(id, d.Author, d.Text, d.At, communities[d.Topic].Language, d.Media,
                Hashtags: d.Tags, ReplyToId: replyTo), d.Topic);
            earlier.Add(id);
        }

        return posts;
    }

    private static (string Text, string[] Tags) Write(SampleTopic topic, Random random)
    {
        var words = Enumerable.Range(0, 6 + random.Next(7))
            .Select(_ => random.Chance(0.7) ? topic.Words[random.Next(topic.Words.Count)] : SampleTopics.Common[random.Next(SampleTopics.Common.Count)]);
        var tags = Enumerable.Range(0, random.Next(3)).Select(_ => topic.Words[random.Next(topic.Words.Count)]).Distinct().ToArray();
        var text = string.Join(' ', words) + string.Concat(tags.Select(t => " #" + t));
        return (text, tags);
    }
}
