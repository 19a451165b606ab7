using System.Runtime.CompilerServices;
using Recsys.Grains.Interfaces.Reputation;

namespace Recsys.Grains.Reputation.Cluster;

/// <summary>
/// A bulk snapshot of users and follows held in memory (one instance shared by every silo of a process), fed to the
/// partitions directly instead of through the User grains; scores are kept here rather than written into User
/// grains. For benchmarks, tests, and imports that have the graph as a file. User i follows
/// <c>Follows[FollowOffsets[i] .. FollowOffsets[i + 1])</c>.
/// </summary>
public sealed class TweepcredSnapshotStore : ITweepcredGraphStore
{
    private readonly TweepcredUser[] _users;
    private readonly int[] _followOffsets;
    private readonly long[] _follows;
    private readonly float[]? _weights;
    private readonly Dictionary<long, int> _positions;
    private readonly UserReputation?[] _scores;

    public TweepcredSnapshotStore(TweepcredUser[] users, int[] followOffsets, long[] follows, float[]? weights = null)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(followOffsets);
        ArgumentNullException.ThrowIfNull(follows);
        if (followOffsets.Length != users.Length + 1 || followOffsets[^1] > follows.Length || (weights is not null && weights.Length < followOffsets[^1]))
        {
            throw new ArgumentException("followOffsets must have one entry per user plus one, within follows (and weights).");
        }

        _users = users;
        _followOffsets = followOffsets;
        _follows = follows;
        _weights = weights;
        _positions = new Dictionary<long, int>(users.Length);
        for (var i = 0; i < users.Length; i++)
        {
            _positions.Add(users[i].UserId, i);
        }

        _scores = new UserReputation?[users.Length];
    }

    /// <summary>The score written for a user, if any.</summary>
    public UserReputation? Score(long userId) => _positions.TryGetValue(userId, out var i) ? _scores[i] : null;

    public async IAsyncEnumerable<TweepcredUserBatch> ReadPartitionAsync(
        TweepcredReadScope scope, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var batch = new List<int>(scope.BatchUsers);
        for (var i = 0; i < _users.Length; i++)
        {
            if (PartitionOwnership.Owner(_users[i].UserId, scope.Partitions) == scope.Partition)
            {
                batch.Add(i);
            }

            if (batch.Count == scope.BatchUsers || (i == _users.Length - 1 && batch.Count > 0))
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return Slice(batch, scope.Weighted, (i + 1) / (double)_users.Length);
                batch.Clear();
                await Task.Yield(); // one batch per turn of the reading partition
            }
        }
    }

    public Task WriteScoresAsync(TweepcredReadScope scope, IReadOnlyList<long> userIds, IReadOnlyList<UserReputation> scores)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        ArgumentNullException.ThrowIfNull(scores);
        for (var k = 0; k < userIds.Count; k++)
        {
            _scores[_positions[userIds[k]]] = scores[k];
        }

        return Task.CompletedTask;
    }

    private TweepcredUserBatch Slice(List<int> positions, bool weighted, double progress)
    {
        var users = new TweepcredUser[positions.Count];
        var offsets = new int[positions.Count + 1];
        var count = 0;
        foreach (var i in positions)
        {
            count += _followOffsets[i + 1] - _followOffsets[i];
        }

        var follows = new long[count];
        var weights = weighted ? new float[count] : null;
        var at = 0;
        for (var k = 0; k < positions.Count; k++)
        {
            var i = positions[k];
            users[k] = _users[i];
            offsets[k] = at;
            var length = _followOffsets[i + 1] - _followOffsets[i];
            _follows.AsSpan(_followOffsets[i], length).CopyTo(follows.AsSpan(at));
            if (weights is not null)
            {
                if (_weights is null)
                {
                    weights.AsSpan(at, length).Fill(1f);
                }
                else
                {
                    _weights.AsSpan(_followOffsets[i], length).CopyTo(weights.AsSpan(at));
                }
            }

            at += length;
        }

        offsets[^1] = at;
        return new TweepcredUserBatch(users, offsets, follows, weights, progress);
    }
}
