using System.Text.Json.Serialization;

namespace Recsys.Grains.Ingestion;

/// <summary>
/// Which logged engagements a grain has applied, kept in its state beside what they produced, so every write of
/// the state is consistent with it. <see cref="AppliedThrough"/>: every event for this grain with a sequence at or
/// below it is applied. <see cref="AppliedAbove"/>: events above it applied since (deliveries arrive out of order).
/// A catch-up from the log folds the second into the first.
/// </summary>
public sealed class ReplayCursor
{
    private HashSet<long>? _above;

    public long AppliedThrough { get; set; }

    public long[] AppliedAbove
    {
        get => _above is null ? [] : _above.Order().ToArray();
        set => _above = value.Length == 0 ? null : [.. value];
    }

    [JsonIgnore]
    public int PendingCount => _above?.Count ?? 0;

    /// <summary>Marks an event applied; false when it already was (then it must not be applied again).</summary>
    public bool TryMark(long sequence)
    {
        if (sequence <= AppliedThrough)
        {
            return false;
        }

        _above ??= [];
        return _above.Add(sequence);
    }

    public bool IsApplied(long sequence) => sequence <= AppliedThrough || (_above?.Contains(sequence) ?? false);

    /// <summary>After reading the log up to <paramref name="sequence"/> and applying everything in it.</summary>
    public void AdvanceTo(long sequence)
    {
        if (sequence <= AppliedThrough)
        {
            return;
        }

        AppliedThrough = sequence;
        _above?.RemoveWhere(s => s <= sequence);
        if (_above is { Count: 0 })
        {
            _above = null;
        }
    }
}
