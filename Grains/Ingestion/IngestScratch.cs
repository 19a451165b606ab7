using System.Collections;
using System.Collections.Concurrent;
using Recsys.Grains.Interfaces.Engagements;

namespace Recsys.Grains.Ingestion;

/// <summary>
/// The working collections of one ingested batch (ids to resolve, the answers, the ids seen, the deliveries grouped
/// by grain), rented for the batch and given back cleared, so the next batch fills the same arrays.
/// </summary>
/// <remarks>
/// Issue 6: sized for a 5,000-event batch, several of these are over 85,000 bytes, so each was a new array on the
/// large object heap per batch (about 5% of the bytes the ingest benchmark allocated). That heap is collected only with
/// generation 2, and its allocations count towards triggering one: a full mark of every grain's state.
/// </remarks>
internal sealed class IngestScratch
{
    // Enough for the batches in flight on one silo (the benchmark keeps four); more are simply not kept.
    private const int MaxPooled = 16;

    private static readonly ConcurrentBag<IngestScratch> Pool = [];

    public List<long> UserIds { get; } = [];

    public List<long> PostIds { get; } = [];

    public HashSet<long> ExistingUsers { get; } = [];

    public Dictionary<long, long> PostAuthors { get; } = [];

    public HashSet<string> EventIds { get; } = new(StringComparer.Ordinal);

    /// <summary>Deliveries per Post grain.</summary>
    public Dictionary<long, DeliveryGroup> Posts { get; } = [];

    /// <summary>Deliveries per User grain.</summary>
    public Dictionary<long, DeliveryGroup> Users { get; } = [];

    // The batch's deliveries as the batchers take them. A batch's ~10,000 user deliveries of 16 bytes were a new array on
    // the large object heap per batch, each counting towards a full collection (issue 6), so the arrays stay too.
    private TargetedEngagements[] _postDeliveries = [];
    private TargetedEngagements[] _userDeliveries = [];

    public static IngestScratch Rent() => Pool.TryTake(out var scratch) ? scratch : new IngestScratch();

    /// <summary>One delivery per post grain in <see cref="Posts"/>, valid until <see cref="Return"/>.</summary>
    public ArraySegment<TargetedEngagements> PostDeliveries() => Targeted(Posts, ref _postDeliveries);

    /// <summary>One delivery per user grain in <see cref="Users"/>, valid until <see cref="Return"/>.</summary>
    public ArraySegment<TargetedEngagements> UserDeliveries() => Targeted(Users, ref _userDeliveries);

    /// <summary>
    /// After a delivery that failed (a timeout, say), a batcher may still read the arrays: they are left to it, and the
    /// next batch makes new ones.
    /// </summary>
    public void GiveUpDeliveries() => (_postDeliveries, _userDeliveries) = ([], []);

    /// <summary>Clears the collections (keeping their capacity) and pools them for the next batch.</summary>
    public void Return()
    {
        Array.Clear(_postDeliveries, 0, Math.Min(Posts.Count, _postDeliveries.Length)); // no delivered event stays reachable
        Array.Clear(_userDeliveries, 0, Math.Min(Users.Count, _userDeliveries.Length));
        UserIds.Clear();
        PostIds.Clear();
        ExistingUsers.Clear();
        PostAuthors.Clear();
        EventIds.Clear();
        Posts.Clear();
        Users.Clear();
        if (Pool.Count < MaxPooled)
        {
            Pool.Add(this);
        }
    }

    private static ArraySegment<TargetedEngagements> Targeted(Dictionary<long, DeliveryGroup> groups, ref TargetedEngagements[] deliveries)
    {
        if (deliveries.Length < groups.Count)
        {
            deliveries = new TargetedEngagements[groups.Count];
        }

        var i = 0;
        foreach (var (target, group) in groups)
        {
            deliveries[i++] = new TargetedEngagements(target, group.More ?? (IReadOnlyList<LoggedEngagement>)new OneEngagement(group.First));
        }

        return new ArraySegment<TargetedEngagements>(deliveries, 0, i);
    }

    /// <summary>One grain's events in a batch: the first inline, a list only from the second on (most grains get one).</summary>
    public struct DeliveryGroup
    {
        public LoggedEngagement First;
        public List<LoggedEngagement>? More;
    }

    // One event for one grain, as a list: one small object where a List cost two (issue 6).
    private sealed class OneEngagement(LoggedEngagement engagement) : IReadOnlyList<LoggedEngagement>
    {
        public int Count => 1;

        public LoggedEngagement this[int index] => index == 0 ? engagement : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<LoggedEngagement> GetEnumerator()
        {
            yield return engagement;
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
