using Recsys.Grains.Interfaces.Users;

namespace Recsys.Grains.Fanout;

/// <summary>
/// A follower's in-network inbox: followees' posts, newest first, at most <c>capacity</c> (the oldest fall out),
/// one entry per post. A cache in memory, never stored: it is rebuilt from followees' recent posts on activation.
/// </summary>
public sealed class Inbox
{
    private readonly List<InboxEntry> _entries = [];
    private readonly HashSet<long> _postIds = [];
    private readonly int _capacity;

    public Inbox(int capacity) => _capacity = capacity;

    public int Count => _entries.Count;

    /// <summary>Whether the inbox was rebuilt since activation (until then it holds only what fan-out wrote).</summary>
    public bool IsRebuilt { get; set; }

    public void Add(InboxEntry entry)
    {
        if (!_postIds.Add(entry.PostId))
        {
            return;
        }

        var index = _entries.BinarySearch(entry, NewestFirst.Instance);
        _entries.Insert(index < 0 ? ~index : index, entry);
        if (_entries.Count > _capacity)
        {
            _postIds.Remove(_entries[^1].PostId);
            _entries.RemoveAt(_entries.Count - 1);
        }
    }

    /// <summary>Entries created at or after <paramref name="since"/>, newest first.</summary>
    public IEnumerable<InboxEntry> Since(DateTimeOffset since) => _entries.TakeWhile(e => e.CreatedAt >= since);

    private sealed class NewestFirst : IComparer<InboxEntry>
    {
        public static readonly NewestFirst Instance = new();

        public int Compare(InboxEntry? x, InboxEntry? y) =>
            y!.CreatedAt.CompareTo(x!.CreatedAt) is var byTime and not 0 ? byTime : y.PostId.CompareTo(x.PostId);
    }
}
