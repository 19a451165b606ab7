using Recsys.Runtime.Scheduling;

namespace Recsys.Runtime.Tests;

[Trait("Category", "BVT")]
[Trait("Area", "Scheduling")]
public sealed class QueueNeighboursTests
{
    [Fact]
    public void TheThreadThatQueuedItemsWalksThemNewestFirst()
    {
        var items = Items(4);
        Item? next = null;
        var owner = false;
        OnNewThread(() =>
        {
            Queue(items);
            next = Run(items[3], out owner);
        });

        Assert.True(owner);
        Assert.Equal(["c", "b", "a"], Walk(next, owner));
    }

    [Fact]
    public void AnotherThreadWalksThemOldestFirst()
    {
        var items = Items(4);
        OnNewThread(() => Queue(items));
        Item? next = null;
        var owner = true;
        OnNewThread(() => next = Run(items[0], out owner));

        Assert.False(owner);
        Assert.Equal(["b", "c", "d"], Walk(next, owner));
    }

    [Fact]
    public void AnItemQueuedAfterTheLastOneRanIsLinkedToNothing()
    {
        var (a, b) = (new Item("a"), new Item("b"));
        Item? next = null;
        OnNewThread(() =>
        {
            QueueNeighbours<Item>.Queued(a);
            Run(a, out _);
            QueueNeighbours<Item>.Queued(b);
            next = Run(b, out _);
        });

        Assert.Null(next);
        Assert.False(a.IsLinked);
        Assert.False(b.IsLinked);
    }

    [Fact]
    public void ItemsQueuedOnDifferentThreadsAreNotNeighbours()
    {
        var (a, b) = (new Item("a"), new Item("b"));
        OnNewThread(() => QueueNeighbours<Item>.Queued(a));
        Item? next = null;
        OnNewThread(() =>
        {
            QueueNeighbours<Item>.Queued(b);
            next = Run(b, out _);
        });

        Assert.Null(next);
        Assert.False(a.IsLinked);
    }

    [Fact]
    public void OnceEveryQueuedItemRanNoneHoldsAnother()
    {
        // The owner pops from the newest end while a thief takes from the oldest, as a pool thread's local queue works.
        var items = Items(101);
        var (newest, oldest) = (items.Length - 1, 0);
        var ownerThread = new DedicatedThread();
        ownerThread.Run(() => Queue(items));
        var predictedByOwner = new List<(Item Ran, Item? Next)>();
        while (oldest <= newest)
        {
            var mine = items[newest--];
            ownerThread.Run(() => predictedByOwner.Add((mine, Run(mine, out _))));
            if (oldest <= newest)
            {
                var stolen = items[oldest++];
                OnNewThread(() => Run(stolen, out _));
            }
        }

        ownerThread.Stop();
        Assert.All(items, item => Assert.False(item.IsLinked, $"{item} still links to another"));

        // The owner's guess is always the item queued just before (already run when the thief took it first).
        Assert.All(predictedByOwner, p => Assert.Same(items[Array.IndexOf(items, p.Ran) - 1], p.Next));
    }

    private static Item[] Items(int count) => Enumerable.Range(0, count).Select(i => new Item(((char)('a' + (i % 26))).ToString() + (i >= 26 ? i : ""))).ToArray();

    private static void Queue(Item[] items)
    {
        foreach (var item in items)
        {
            QueueNeighbours<Item>.Queued(item);
        }
    }

    private static Item? Run(Item item, out bool owner) => QueueNeighbours<Item>.Running(item, out owner);

    private static List<string> Walk(Item? from, bool owner)
    {
        var names = new List<string>();
        for (var item = from; item is not null; item = QueueNeighbours<Item>.Next(item, owner))
        {
            names.Add(item.Name);
        }

        return names;
    }

    // Each case runs on threads of its own: the last item queued is remembered per thread, and xUnit's threads are shared.
    private static void OnNewThread(Action action)
    {
        var thread = new DedicatedThread();
        try
        {
            thread.Run(action);
        }
        finally
        {
            thread.Stop();
        }
    }

    private sealed class Item(string name) : IQueueNeighbour<Item>
    {
        private QueueNeighbours<Item> _neighbours;

        public string Name => name;

        public bool IsLinked => _neighbours.IsLinked;

        public ref QueueNeighbours<Item> Neighbours => ref _neighbours;

        public override string ToString() => name;
    }

    // A thread of the test's own that runs the actions given to it, one at a time, so a case can come back to the same
    // thread; an action's exception is thrown to the caller of Run.
    private sealed class DedicatedThread
    {
        private readonly System.Collections.Concurrent.BlockingCollection<(Action Action, TaskCompletionSource Done)> _work = new();
        private readonly Thread _thread;

        public DedicatedThread()
        {
            _thread = new Thread(() =>
            {
                foreach (var (action, done) in _work.GetConsumingEnumerable())
                {
                    try
                    {
                        action();
                        done.SetResult();
                    }
                    catch (Exception exception)
                    {
                        done.SetException(exception);
                    }
                }
            });
            _thread.Start();
        }

        public void Run(Action action)
        {
            var done = new TaskCompletionSource();
            _work.Add((action, done));
            done.Task.GetAwaiter().GetResult();
        }

        public void Stop()
        {
            _work.CompleteAdding();
            _thread.Join();
        }
    }
}
