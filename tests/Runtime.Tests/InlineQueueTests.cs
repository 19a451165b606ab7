using Recsys.Runtime.Catalog;

namespace Recsys.Runtime.Tests;

[Trait("Category", "BVT")]
[Trait("Area", "Catalog")]
public sealed class InlineQueueTests
{
    [Fact]
    public void An_empty_queue_has_no_array_to_read_and_says_so()
    {
        var queue = new InlineQueue<int>();

        Assert.Equal(0, queue.Count);
        Assert.Throws<InvalidOperationException>(() => queue.Peek());
        Assert.Throws<InvalidOperationException>(() => queue.Dequeue());
    }

    [Fact]
    public void Through_growth_and_wrap_around_items_come_out_in_the_order_they_went_in()
    {
        // Runs of enqueues and dequeues of random lengths move the head around the ring and grow it while it is
        // wrapped; the framework's queue says what must come out.
        var random = new Random(17);
        var queue = new InlineQueue<int>();
        var expected = new Queue<int>();
        var next = 0;
        for (var round = 0; round < 2_000; round++)
        {
            for (var i = random.Next(0, 6); i > 0; i--)
            {
                queue.Enqueue(next);
                expected.Enqueue(next++);
            }

            for (var i = random.Next(0, 6); i > 0 && expected.Count > 0; i--)
            {
                Assert.Equal(expected.Peek(), queue.Peek());
                Assert.Equal(expected.Dequeue(), queue.Dequeue());
            }

            Assert.Equal(expected.Count, queue.Count);
        }

        while (expected.Count > 0)
        {
            Assert.Equal(expected.Dequeue(), queue.Dequeue());
        }

        Assert.Equal(0, queue.Count);
    }
}
