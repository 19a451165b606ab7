using Recsys.Grains.Interfaces.Engagements;

namespace Recsys.Grains.Training.Labels;

/// <summary>
/// Labels served items from the viewers' engagements: an item's labels come from the engagements its viewer made
/// with the served post (or, for profile clicks, mutes, blocks and reports, with its author) from the serving time
/// until <c>window</c> later (24 h, issue 10). Items whose window has not closed by <c>now</c> are left out (their
/// labels may still change); a post served to the same viewer more than once is kept once, at its first serving,
/// so one engagement does not count as several positives.
/// </summary>
public static class ServedItemLabeller
{
    public static IReadOnlyList<LabelledExample> Label(
        IEnumerable<ServedItem> served, IEnumerable<LoggedEngagement> engagements, TimeSpan window, DateTimeOffset now)
    {
        var byPost = new Dictionary<(long User, long Post), List<LoggedEngagement>>();
        var byAuthor = new Dictionary<(long User, long Author), List<LoggedEngagement>>();
        foreach (var e in engagements)
        {
            if (e.PostId is { } post)
            {
                Add(byPost, (e.UserId, post), e);
            }
            else if (e.TargetUserId is { } target)
            {
                Add(byAuthor, (e.UserId, target), e);
            }
        }

        var seen = new HashSet<(long, long)>();
        var examples = new List<LabelledExample>();
        foreach (var item in served.OrderBy(i => i.ServedAt))
        {
            var end = item.ServedAt + window;
            if (end > now || !seen.Add((item.ViewerId, item.PostId)))
            {
                continue;
            }

            var inWindow = Within(byPost.GetValueOrDefault((item.ViewerId, item.PostId)), item.ServedAt, end)
                .Concat(Within(byAuthor.GetValueOrDefault((item.ViewerId, item.AuthorId)), item.ServedAt, end));
            examples.Add(new LabelledExample(item, HeadLabelRules.Label(inWindow)));
        }

        return examples;
    }

    private static IEnumerable<LoggedEngagement> Within(List<LoggedEngagement>? events, DateTimeOffset from, DateTimeOffset to) =>
        events is null ? [] : events.Where(e => e.Time >= from && e.Time <= to);

    private static void Add<TKey>(Dictionary<TKey, List<LoggedEngagement>> index, TKey key, LoggedEngagement e)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(e);
    }
}
