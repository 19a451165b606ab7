using System.Runtime.CompilerServices;

namespace Recsys.Grains.Reputation.Cluster;

/// <summary>Collects a partition's batches from its store and turns them into <see cref="PartitionUsers"/>.</summary>
internal sealed class PartitionLoader(bool weighted)
{
    private readonly List<TweepcredUserBatch> _batches = [];

    public int Users { get; private set; }

    public long Follows { get; private set; }

    public void Add(TweepcredUserBatch batch)
    {
        if (weighted && batch.FollowWeights is null && batch.FollowOffsets[^1] > batch.FollowOffsets[0])
        {
            throw new InvalidOperationException("a weighted run needs a weight per follow.");
        }

        _batches.Add(batch);
        Users += batch.Users.Length;
        Follows += batch.FollowOffsets[^1] - batch.FollowOffsets[0];
    }

    /// <summary>Orders the users by id and copies each row, sorted by target, without self-follows and duplicates.</summary>
    public PartitionUsers Finish()
    {
        if (Follows > Array.MaxLength)
        {
            throw new InvalidOperationException($"a partition holds at most {Array.MaxLength} follows; use more partitions.");
        }

        var (batchOf, indexIn) = Positions();
        var order = SortById(batchOf, indexIn);
        var users = new TweepcredUser[Users];
        var outOffsets = new int[Users + 1];
        var outTargets = new long[Follows];
        var outWeights = weighted ? new float[Follows] : null;
        var write = 0;
        for (var local = 0; local < users.Length; local++)
        {
            var position = order is null ? local : order[local];
            var batch = _batches[batchOf[position]];
            var k = indexIn[position];
            users[local] = batch.Users[k];
            if (local > 0 && users[local].UserId == users[local - 1].UserId)
            {
                throw new InvalidOperationException($"user {users[local].UserId} was read twice.");
            }

            outOffsets[local] = write;
            int start = batch.FollowOffsets[k], length = batch.FollowOffsets[k + 1] - start;
            write = CopyRow(users[local].UserId, batch.Follows.AsSpan(start, length),
                outWeights is null ? default : batch.FollowWeights.AsSpan(start, length), outTargets, outWeights, write);
        }

        outOffsets[^1] = write;
        Array.Resize(ref outTargets, write);
        if (outWeights is not null)
        {
            Array.Resize(ref outWeights, write);
        }

        _batches.Clear();
        return new PartitionUsers(users, outOffsets, outTargets, outWeights);
    }

    // Copies one row to [write, ...), sorts it by target, and drops self-follows and duplicates (weighted: keeps the
    // larger weight, floored at 1). Returns the new end.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int CopyRow(long self, ReadOnlySpan<long> follows, ReadOnlySpan<float> weights, long[] targets, float[]? outWeights, int write)
    {
        var row = targets.AsSpan(write, follows.Length);
        follows.CopyTo(row);
        if (outWeights is null)
        {
            if (!IsSorted(row))
            {
                row.Sort();
            }
        }
        else
        {
            var rowWeights = outWeights.AsSpan(write, follows.Length);
            weights.CopyTo(rowWeights);
            row.Sort(rowWeights);
        }

        var kept = write;
        for (var e = write; e < write + follows.Length; e++)
        {
            var target = targets[e];
            if (target == self)
            {
                continue;
            }

            var weight = outWeights is null ? 1f : Weight(outWeights[e], self);
            if (kept > write && targets[kept - 1] == target)
            {
                if (outWeights is not null)
                {
                    outWeights[kept - 1] = Math.Max(outWeights[kept - 1], weight);
                }

                continue;
            }

            targets[kept] = target;
            if (outWeights is not null)
            {
                outWeights[kept] = weight;
            }

            kept++;
        }

        return kept;
    }

    private static bool IsSorted(ReadOnlySpan<long> row)
    {
        for (var i = 1; i < row.Length; i++)
        {
            if (row[i - 1] > row[i])
            {
                return false;
            }
        }

        return true;
    }

    private static float Weight(float weight, long user) =>
        float.IsFinite(weight) ? Math.Max(1f, weight) : throw new InvalidOperationException($"user {user} has a follow weighing {weight}.");

    // Load position → (batch, index in batch).
    private (int[] BatchOf, int[] IndexIn) Positions()
    {
        var batchOf = new int[Users];
        var indexIn = new int[Users];
        var at = 0;
        for (var b = 0; b < _batches.Count; b++)
        {
            for (var k = 0; k < _batches[b].Users.Length; k++, at++)
            {
                batchOf[at] = b;
                indexIn[at] = k;
            }
        }

        return (batchOf, indexIn);
    }

    // Null when the users already come in id order (a snapshot's do), else the load positions in id order.
    private int[]? SortById(int[] batchOf, int[] indexIn)
    {
        var ids = new long[Users];
        var sorted = true;
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = _batches[batchOf[i]].Users[indexIn[i]].UserId;
            sorted &= i == 0 || ids[i - 1] < ids[i];
        }

        if (sorted)
        {
            return null;
        }

        var order = new int[ids.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(ids, order);
        return order;
    }
}
