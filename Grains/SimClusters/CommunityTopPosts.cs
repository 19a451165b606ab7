namespace Recsys.Grains.SimClusters;

/// <summary>
/// One community's best posts by decayed score, bounded like the published cluster→tweets index (top 1,600 per
/// cluster, scores ≥ 0.001; algorithm.md 4.5). Every score decays with the same half-life, so the order never changes
/// as time passes: entries are kept sorted by <see cref="HalfLifeDecay.TimeInvariantKey"/> and only valued on read.
/// Not thread-safe; meant to live inside one grain, which persists <see cref="Snapshot"/> and rebuilds from it.
/// </summary>
public sealed class CommunityTopPosts
{
    // Ascending: the weakest post (lowest key; equal keys: higher post id) is Min.
    private readonly SortedSet<(double Key, long PostId)> _byKey =
        new(Comparer<(double Key, long PostId)>.Create((a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : b.PostId.CompareTo(a.PostId)));

    private readonly Dictionary<long, double> _keyOf = [];
    private readonly TimeSpan _halfLife;
    private readonly double _minScore;

    public CommunityTopPosts(int capacity, TimeSpan halfLife, double minScore, IEnumerable<TopPost>? posts = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(halfLife, TimeSpan.Zero);
        (Capacity, _halfLife, _minScore) = (capacity, halfLife, minScore);
        foreach (var post in posts ?? [])
        {
            Update(post.PostId, post.Score, post.At);
        }
    }

    /// <summary>Sized and thresholded by TopPostsPerCommunity, TweetHalfLife and MinCommunityPostScore.</summary>
    public static CommunityTopPosts Create(SimClustersOptions options, IEnumerable<TopPost>? posts = null) =>
        new(options.TopPostsPerCommunity, options.TweetHalfLife, options.MinCommunityPostScore, posts);

    public int Capacity { get; }

    public int Count => _keyOf.Count;

    /// <summary>
    /// Sets a post's score in this community as of <paramref name="at"/>, replacing any earlier one. Returns whether the
    /// post is kept: a score below the minimum removes it, and a new post weaker than all of a full set is turned away.
    /// </summary>
    public bool Update(long postId, double score, DateTimeOffset at)
    {
        Remove(postId);
        if (!(score >= _minScore) || score <= 0)
        {
            return false;
        }

        var entry = (HalfLifeDecay.TimeInvariantKey(score, at, _halfLife), postId);
        if (Count == Capacity)
        {
            if (_byKey.Comparer.Compare(entry, _byKey.Min) <= 0)
            {
                return false;
            }

            _keyOf.Remove(_byKey.Min.PostId);
            _byKey.Remove(_byKey.Min);
        }

        _byKey.Add(entry);
        _keyOf[postId] = entry.Item1;
        Prune(at);
        return _keyOf.ContainsKey(postId);
    }

    public bool Remove(long postId)
    {
        if (!_keyOf.Remove(postId, out var key))
        {
            return false;
        }

        _byKey.Remove((key, postId));
        return true;
    }

    /// <summary>Drops posts whose score has decayed below the minimum by <paramref name="at"/>.</summary>
    public void Prune(DateTimeOffset at)
    {
        while (_byKey.Count > 0 && HalfLifeDecay.ValueFromKey(_byKey.Min.Key, at, _halfLife) < _minScore)
        {
            Remove(_byKey.Min.PostId);
        }
    }

    /// <summary>Up to <paramref name="count"/> posts, best first, valued at <paramref name="at"/> and above the minimum.</summary>
    public IReadOnlyList<TopPost> Top(int count, DateTimeOffset at)
    {
        var result = new List<TopPost>(Math.Min(count, Count));
        foreach (var (key, postId) in _byKey.Reverse())
        {
            var score = HalfLifeDecay.ValueFromKey(key, at, _halfLife);
            if (result.Count == count || score < _minScore)
            {
                break;
            }

            result.Add(new TopPost(postId, score, at));
        }

        return result;
    }

    /// <summary>Every kept post valued at <paramref name="at"/>, best first: the form a grain persists.</summary>
    public IReadOnlyList<TopPost> Snapshot(DateTimeOffset at) =>
        _byKey.Reverse().Select(e => new TopPost(e.PostId, HalfLifeDecay.ValueFromKey(e.Key, at, _halfLife), at)).ToArray();
}
