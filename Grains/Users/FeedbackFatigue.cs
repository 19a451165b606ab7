using Recsys.Grains.Interfaces.Users;

namespace Recsys.Grains.Users;

/// <summary>
/// "See less often" feedback per author, with its latest time, kept for the retention (90 days: pushservice's
/// window, algorithm.md 7.5; home's fatigue filter reads the last 14 days, 1.4) and bounded by author count.
/// </summary>
public sealed class FeedbackFatigue
{
    private Dictionary<long, long>? _authors;

    /// <summary>Author id and when feedback on them was last given (UTC ticks).</summary>
    public IReadOnlyDictionary<long, long> Authors
    {
        get => TickMaps.Read(_authors);
        set => _authors = TickMaps.Kept(value);
    }

    public void Add(long authorId, DateTimeOffset at, int maxAuthors, TimeSpan retention)
    {
        var authors = TickMaps.Writable(ref _authors);
        authors[authorId] = Math.Max(at.UtcTicks, authors.GetValueOrDefault(authorId));
        var cutoff = (at - retention).UtcTicks;
        foreach (var stale in authors.Where(p => p.Value < cutoff).Select(p => p.Key).ToArray())
        {
            authors.Remove(stale);
        }

        while (authors.Count > maxAuthors)
        {
            authors.Remove(authors.MinBy(p => p.Value).Key);
        }
    }

    public IReadOnlyList<FatigueEntry> Entries(DateTimeOffset now, TimeSpan retention)
    {
        var cutoff = (now - retention).UtcTicks;
        return Authors.Where(p => p.Value >= cutoff).OrderByDescending(p => p.Value)
            .Select(p => new FatigueEntry(p.Key, new DateTimeOffset(p.Value, TimeSpan.Zero))).ToArray();
    }
}
