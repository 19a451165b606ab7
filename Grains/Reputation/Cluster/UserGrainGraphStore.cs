using System.Runtime.CompilerServices;
using Recsys.Grains.Fanout;
using Recsys.Grains.Interfaces.Reputation;
using Recsys.Grains.Interfaces.Users;
using Recsys.Runtime;

namespace Recsys.Grains.Reputation.Cluster;

/// <summary>
/// The tweepcred graph as the User grains hold it: a partition lists its users from the user-index shards it owns,
/// asks each User grain for its facts and follows (bounded parallelism, one batch at a time), and writes each
/// score back into the User grain. Users that were never created are skipped.
/// </summary>
public sealed class UserGrainGraphStore(IGrainFactory grains) : ITweepcredGraphStore
{
    public async IAsyncEnumerable<TweepcredUserBatch> ReadPartitionAsync(
        TweepcredReadScope scope, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var shards = PartitionOwnership.Shards(scope.Partition, scope.Partitions).ToArray();
        var lists = await BoundedParallel.SelectAsync(shards, scope.MaxParallelCalls, s => grains.GetGrain<IUserIndexGrain>(s).GetUserIds());
        var ids = lists.SelectMany(l => l).ToArray();
        for (var start = 0; start < ids.Length; start += scope.BatchUsers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = new ArraySegment<long>(ids, start, Math.Min(scope.BatchUsers, ids.Length - start));
            var inputs = await BoundedParallel.SelectAsync(batch, scope.MaxParallelCalls,
                id => grains.GetGrain<IUserGrain>(id).GetTweepcredInput(scope.Weighted));
            yield return ToBatch(inputs, scope.Weighted, (start + batch.Count) / (double)ids.Length);
        }
    }

    public Task WriteScoresAsync(TweepcredReadScope scope, IReadOnlyList<long> userIds, IReadOnlyList<UserReputation> scores)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(userIds);
        ArgumentNullException.ThrowIfNull(scores);
        var indices = Enumerable.Range(0, userIds.Count).ToArray();
        return BoundedParallel.ForEachAsync(indices, scope.MaxParallelCalls, i => grains.GetGrain<IUserGrain>(userIds[i]).SetTweepcred(scores[i]));
    }

    private static TweepcredUserBatch ToBatch(UserReputationInput?[] inputs, bool weighted, double progress)
    {
        var present = inputs.OfType<UserReputationInput>().ToArray();
        var users = new TweepcredUser[present.Length];
        var offsets = new int[present.Length + 1];
        var follows = new long[present.Sum(p => p.Follows.Count)];
        var weights = weighted ? new float[follows.Length] : null;
        var at = 0;
        for (var i = 0; i < present.Length; i++)
        {
            var input = present[i];
            users[i] = new TweepcredUser(input.UserId, input.SignupTime, input.Verified, input.HasDevice, input.Suspended, input.Restricted, input.PreviousPageRank);
            offsets[i] = at;
            for (var k = 0; k < input.Follows.Count; k++, at++)
            {
                follows[at] = input.Follows[k];
                if (weights is not null)
                {
                    weights[at] = input.FollowWeights is { } w ? w[k] : 1f;
                }
            }
        }

        offsets[^1] = at;
        return new TweepcredUserBatch(users, offsets, follows, weights, progress);
    }
}
