using System.Text.Json.Serialization;

namespace Recsys.Grains.Ingestion;

/// <summary>
/// Which logged engagements a grain has applied, kept in its state beside what they produced, so every write of
/// the state is consistent with it. <see cref="AppliedThrough"/>: every event for this grain with a sequence at or
/// below it is applied. <see cref="AppliedAbove"/>: events above it applied since (deliveries arrive out of order).
/// A catch-up from the log folds the second into the first.
/// </summary>
/// <remarks>
/// Issue 6: the sequences above are one sorted array, not a hash set. A grain holds a handful of them between
/// checkpoints and deliveries arrive mostly in order, so a check is a compare with the largest and a mark an append;
/// a hash set cost a lookup in its own buckets and entries per check and per mark (cache misses over 200,000 grains,
/// 3% of the ingest profile) and three arrays per grain.
/// </remarks>
public sealed class ReplayCursor
{
    private long[]? _above;
    private int _count;

    public long AppliedThrough { get; set; }

    public long[] AppliedAbove
    {
        get => _count == 0 ? [] : _above.AsSpan(0, _count).ToArray();
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            _above = null;
            _count = 0;
            foreach (var sequence in value)
            {
                TryMark(sequence); // sorts and drops repeats and anything at or below AppliedThrough
            }
        }
    }

    [JsonIgnore]
    public int PendingCount => _count;

    /// <summary>Marks an event applied; false when it already was (then it must not be applied again).</summary>
    public bool TryMark(long sequence)
    {
        if (sequence <= AppliedThrough)
        {
            return false;
        }

        if (_count == 0 || sequence > _above![_count - 1])
        {
            Insert(_count, sequence); // the usual case: later than everything applied so far
            return true;
        }

        var at = Array.BinarySearch(_above, 0, _count, sequence);
        if (at >= 0)
        {
            return false;
        }

        Insert(~at, sequence);
        return true;
    }

    public bool IsApplied(long sequence) =>
        sequence <= AppliedThrough || (_count > 0 && sequence <= _above![_count - 1] && Array.BinarySearch(_above, 0, _count, sequence) >= 0);

    /// <summary>After reading the log up to <paramref name="sequence"/> and applying everything in it.</summary>
    public void AdvanceTo(long sequence)
    {
        if (sequence <= AppliedThrough)
        {
            return;
        }

        AppliedThrough = sequence;
        if (_count == 0)
        {
            return;
        }

        var at = Array.BinarySearch(_above!, 0, _count, sequence);
        var covered = at >= 0 ? at + 1 : ~at; // how many are at or below the new bound
        if (covered == _count)
        {
            _above = null;
            _count = 0;
            return;
        }

        Array.Copy(_above!, covered, _above!, 0, _count - covered);
        _count -= covered;
    }

    private void Insert(int index, long sequence)
    {
        if (_above is null)
        {
            _above = new long[4];
        }
        else if (_count == _above.Length)
        {
            Array.Resize(ref _above, _above.Length * 2);
        }

        if (index < _count)
        {
            Array.Copy(_above, index, _above, index + 1, _count - index);
        }

        _above[index] = sequence;
        _count++;
    }
}
