using System.Collections;

namespace Recsys.Grains.Collections;

/// <summary>
/// The newest items up to a cap, oldest first, kept in a ring: an item added at the cap replaces the oldest in place.
/// Stored as a JSON array, oldest first, exactly as the list it replaced.
/// </summary>
/// <remarks>
/// Issue 6: a user's recent engagements (200 by default) were a list that dropped its oldest item with
/// <c>RemoveRange(0, 1)</c>, so every engagement of a user at the cap moved the other 199 (11 KB of 56-byte items).
/// </remarks>
public sealed class BoundedLog<T> : ICollection<T>, IReadOnlyList<T>
{
    private T[] _items = [];
    private int _oldest;
    private int _count;

    public int Count => _count;

    bool ICollection<T>.IsReadOnly => false;

    /// <summary>The item at <paramref name="index"/>, 0 being the oldest.</summary>
    public T this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
            return _items[Slot(index)];
        }
    }

    /// <summary>Appends <paramref name="item"/>; the oldest items go so that at most <paramref name="capacity"/> remain.</summary>
    public void Add(T item, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        while (_count >= capacity)
        {
            _items[_oldest] = default!;
            _oldest = (_oldest + 1) % _items.Length;
            _count--;
        }

        if (_count == _items.Length)
        {
            Resize(Math.Min(capacity, Math.Max(4, _items.Length * 2)));
        }

        _items[Slot(_count++)] = item;
    }

    /// <summary>Appends without a cap (reading the stored form; the next capped add trims).</summary>
    public void Add(T item) => Add(item, int.MaxValue);

    /// <summary>The items, newest first.</summary>
    public IEnumerable<T> NewestFirst()
    {
        for (var i = _count - 1; i >= 0; i--)
        {
            yield return _items[Slot(i)];
        }
    }

    public void Clear() => (_items, _oldest, _count) = ([], 0, 0);

    public bool Contains(T item) => this.Any(x => EqualityComparer<T>.Default.Equals(x, item));

    public void CopyTo(T[] array, int arrayIndex)
    {
        ArgumentNullException.ThrowIfNull(array);
        for (var i = 0; i < _count; i++)
        {
            array[arrayIndex + i] = _items[Slot(i)];
        }
    }

    bool ICollection<T>.Remove(T item) => throw new NotSupportedException("A bounded log only drops its oldest items.");

    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return _items[Slot(i)];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int Slot(int index) => (_oldest + index) % _items.Length;

    private void Resize(int length)
    {
        var items = new T[length];
        CopyTo(items, 0);
        (_items, _oldest) = (items, 0);
    }
}
