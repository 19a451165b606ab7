using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Recsys.Grains.Interfaces.Users;
using Recsys.Runtime;

namespace Recsys.Grains.SimClusters;

/// <summary>
/// Likers' InterestedIn vectors, per silo, for the Post grains that grow embeddings from likes. A vector changes only
/// when the SimClusters job runs (weekly), so a liker's User grain is asked once per silo per
/// <see cref="SimClustersOptions.InterestedInCacheTtl"/>, however many posts it likes; users with no vector are
/// remembered too. A Post grain asks for all the likers of a delivery at once (<see cref="PrefetchAsync"/>), in parallel.
/// Concurrent misses for one user share one call. The job empties its own silo's cache when it has written new
/// vectors; other silos pick them up within the TTL.
/// </summary>
public sealed class InterestedInCache(IGrainFactory grains, TimeProvider time, IOptions<SimClustersOptions> options)
{
    private readonly ConcurrentDictionary<long, Entry> _entries = new();
    private readonly ConcurrentDictionary<long, Lazy<Task>> _inFlight = new();
    private long _lookups;

    // Kept beside the map: ConcurrentDictionary.Count takes every lock of the map, and it was asked on every miss (issue 6).
    private int _count;

    /// <summary>User grains asked so far (misses), for tests and metrics.</summary>
    public long Lookups => Interlocked.Read(ref _lookups);

    public bool TryGet(long userId, out SparseVector vector)
    {
        if (_entries.TryGetValue(userId, out var entry) && entry.ExpiresAt > time.GetUtcNow())
        {
            vector = entry.Vector;
            return true;
        }

        vector = SparseVector.Empty;
        return false;
    }

    public async Task<SparseVector> GetAsync(long userId)
    {
        if (TryGet(userId, out var vector))
        {
            return vector;
        }

        await PrefetchAsync([userId]);
        return _entries.TryGetValue(userId, out var entry) ? entry.Vector : SparseVector.Empty;
    }

    /// <summary>Fetches the vectors of those users that are not cached, in parallel; a lookup already in flight is shared.</summary>
    public Task PrefetchAsync(IEnumerable<long> userIds)
    {
        List<Task>? waits = null;
        foreach (var id in userIds.Distinct())
        {
            if (!TryGet(id, out _))
            {
                (waits ??= []).Add(_inFlight.GetOrAdd(id, static (id, self) => new Lazy<Task>(() => self.FetchAsync(id)), this).Value);
            }
        }

        return waits is null ? Task.CompletedTask : Task.WhenAll(waits);
    }

    /// <summary>Forgets every vector, so the next likes read the User grains again.</summary>
    public void Clear()
    {
        _entries.Clear();
        Volatile.Write(ref _count, 0);
    }

    // Runs off any grain's turn once started: it touches only this cache's concurrent maps.
    private async Task FetchAsync(long userId)
    {
        try
        {
            Interlocked.Increment(ref _lookups);
            var simClusters = await grains.GetGrain<IUserGrain>(userId).GetSimClusters().ConfigureAwait(false);
            if (Volatile.Read(ref _count) >= options.Value.InterestedInCacheCapacity)
            {
                Clear();
            }

            var vector = simClusters is null ? SparseVector.Empty : CommunityVectors.ToVector(simClusters.InterestedIn);
            var entry = new Entry(vector, time.GetUtcNow() + options.Value.InterestedInCacheTtl);
            if (_entries.TryAdd(userId, entry))
            {
                Interlocked.Increment(ref _count);
            }
            else
            {
                _entries[userId] = entry; // an expired entry refreshed
            }
        }
        finally
        {
            _inFlight.TryRemove(userId, out _);
        }
    }

    private sealed record Entry(SparseVector Vector, DateTimeOffset ExpiresAt);
}
