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

    public static IngestScratch Rent() => Pool.TryTake(out var scratch) ? scratch : new IngestScratch();

    /// <summary>Clears the collections (keeping their capacity) and pools them for the next batch.</summary>
    public void Return()
    {
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

    /// <summary>One grain's events in a batch: the first inline, a list only from the second on (most grains get one).</summary>
    public struct DeliveryGroup
    {
        public LoggedEngagement First;
        public List<LoggedEngagement>? More;
    }
}
