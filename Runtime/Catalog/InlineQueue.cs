namespace Recsys.Runtime.Catalog;

/// <summary>
/// A first-in first-out queue kept inside the object that owns it: an array made on the first enqueue, a head and a
/// count. An activation holds two (ready turns, waiting requests), and a call touches them on admission and on each
/// turn; as fields they cost no object of their own, so no extra cache miss on a cold activation (issue 6).
/// Not thread-safe: the owner guards it. A mutable struct: use it only as a field, never as a copy.
/// </summary>
internal struct InlineQueue<T>
{
    private const int InitialCapacity = 2;
    private T[]? _items;
    private int _head;
    private int _count;

    public readonly int Count => _count;

    public void Enqueue(T item)
    {
        if (_items is null || _count == _items.Length)
        {
            Grow();
        }

        _items![(_head + _count) % _items.Length] = item;
        _count++;
    }

    public readonly T Peek() => _count > 0 ? _items![_head] : throw new InvalidOperationException("The queue is empty.");

    public T Dequeue()
    {
        var item = Peek();
        _items![_head] = default!; // let the item go: the array may live as long as the activation
        _head = (_head + 1) % _items.Length;
        _count--;
        return item;
    }

    private void Grow()
    {
        var grown = new T[_items is null ? InitialCapacity : _items.Length * 2];
        for (var i = 0; i < _count; i++)
        {
            grown[i] = _items![(_head + i) % _items.Length];
        }

        (_items, _head) = (grown, 0);
    }
}
