namespace Recsys.Grains.Users;

/// <summary>
/// The posts a user was shown recently (home-mixer keeps 5,000 ids for 2 days, algorithm.md 1.3), oldest first,
/// as two parallel lists so the stored JSON stays two plain number arrays. A post shown again moves to the end.
/// </summary>
public sealed class ImpressionLog
{
    public List<long> PostIds { get; set; } = [];

    /// <summary>When each was shown, UTC ticks.</summary>
    public List<long> Times { get; set; } = [];

    public void Add(long postId, DateTimeOffset at, int capacity, TimeSpan retention)
    {
        var existing = PostIds.IndexOf(postId);
        if (existing >= 0)
        {
            if (Times[existing] >= at.UtcTicks)
            {
                return;
            }

            PostIds.RemoveAt(existing);
            Times.RemoveAt(existing);
        }

        var index = Times.Count;
        while (index > 0 && Times[index - 1] > at.UtcTicks)
        {
            index--;
        }

        PostIds.Insert(index, postId);
        Times.Insert(index, at.UtcTicks);
        Trim(at, capacity, retention);
    }

    /// <summary>Post ids shown within the retention before <paramref name="now"/>, newest first.</summary>
    public IReadOnlyList<long> Recent(DateTimeOffset now, TimeSpan retention)
    {
        var cutoff = (now - retention).UtcTicks;
        var recent = new List<long>();
        for (var i = PostIds.Count - 1; i >= 0 && Times[i] >= cutoff; i--)
        {
            recent.Add(PostIds[i]);
        }

        return recent;
    }

    private void Trim(DateTimeOffset now, int capacity, TimeSpan retention)
    {
        var cutoff = (now - retention).UtcTicks;
        var drop = 0;
        while (drop < Times.Count && (Times.Count - drop > capacity || Times[drop] < cutoff))
        {
            drop++;
        }

        PostIds.RemoveRange(0, drop);
        Times.RemoveRange(0, drop);
    }
}
