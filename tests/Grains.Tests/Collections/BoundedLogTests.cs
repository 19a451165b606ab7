using System.Text.Json;
using Recsys.Grains.Collections;
using Recsys.Grains.Tests.Support;

namespace Recsys.Grains.Tests.Collections;

[Trait("Category", "BVT")]
[Trait("Area", "Collections")]
public sealed class BoundedLogTests
{
    [Fact]
    public void Keeps_the_newest_items_oldest_first_as_a_capped_list_would_through_any_sequence_of_adds()
    {
        var random = new Random(6);
        var log = new BoundedLog<int>();
        var model = new List<int>();
        for (var i = 0; i < 5_000; i++)
        {
            var capacity = random.Next(10) == 0 ? random.Next(1, 40) : 25; // now and then the option changes
            log.Add(i, capacity);
            model.Add(i);
            if (model.Count > capacity)
            {
                model.RemoveRange(0, model.Count - capacity);
            }

            Assert.Equal(model.Count, log.Count);
            Assert.Equal(model[0], log[0]);
            Assert.Equal(model[^1], log[log.Count - 1]);
            if (i % 97 == 0)
            {
                Assert.Equal(model, log);
                Assert.Equal(Enumerable.Reverse(model), log.NewestFirst());
            }
        }
    }

    [Fact]
    public void Is_stored_as_the_list_it_replaced_and_reads_back_trimmed_on_the_next_add()
    {
        var log = new BoundedLog<long>();
        for (var i = 1L; i <= 7; i++)
        {
            log.Add(i, 5);
        }

        var json = JsonSerializer.Serialize(log, StoredJson.Options);
        Assert.Equal("[3,4,5,6,7]", json);

        var read = JsonSerializer.Deserialize<BoundedLog<long>>(json, StoredJson.Options)!;
        Assert.Equal([3L, 4, 5, 6, 7], read);
        read.Add(8, 3);
        Assert.Equal([6L, 7, 8], read);
    }

    [Fact]
    public void Refuses_an_index_outside_it_and_a_cap_below_one()
    {
        var log = new BoundedLog<int>();
        log.Add(1, 2);

        Assert.Throws<ArgumentOutOfRangeException>(() => log[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => log[-1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => log.Add(2, 0));
        Assert.Equal([1], log);
    }
}
