namespace Recsys.Runtime.Catalog;

/// <summary>
/// A first-in first-out queue kept inside the object that owns it: the first item in a field, the rest in a ring
/// array made when a second item waits. An activation holds two (ready turns, waiting requests) and a call touches
/// them on admission and on each turn; an activation rarely has more than one of either, so a call to a cold
/// activation misses on the activation alone, not on queue objects and their arrays (issue 6).
/// Not thread-safe: the owner guards it. A mutable struct: use it only as a field, never as a copy.
/// </summary>
internal struct InlineQueue<T>
{
    private const int InitialCapacity = 2;
    private T _first;
    private T[]? _rest;
    private int _restHead;
    private int _count;

    public readonly int Count => _count;

    public void Enqueue(T item)
    {
        if (_count == 0)
        {
            _first = item;
            _count = 1;
            return;
        }

        var restCount = _count - 1;
        if (_rest is null || restCount == _rest.Length)
        {
            GrowRest(restCount);
        }

        _rest![(_restHead + restCount) % _rest.Length] = item;
        _count++;
    }

    public readonly T Peek() => _count > 0 ? _first : throw new InvalidOperationException("The queue is empty.");

    /// <summary>The first item or default, read without the owner's lock: a hint, possibly stale.</summary>
    public readonly T? PeekHint() => _first;

    public T Dequeue()
    {
        var item = Peek();
        if (_count > 1)
        {
            _first = _rest![_restHead];
            _rest[_restHead] = default!; // let the item go: the array lives as long as the activation
            _restHead = (_restHead + 1) % _rest.Length;
        }
        else
        {
            _first = default!;
        }

        _count--;
        return item;
    }

    private void GrowRest(int restCount)
    {
        var grown = new T[_rest is null ? InitialCapacity : _rest.Length * 2];
        for (var i = 0; i < restCount; i++)
        {
            grown[i] = _rest![(_restHead + i) % _rest.Length];
        }

        (_rest, _restHead) = (grown, 0);
    }
}
