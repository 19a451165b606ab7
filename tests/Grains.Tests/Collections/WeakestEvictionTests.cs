using Recsys.Grains.Collections;

namespace Recsys.Grains.Tests.Collections;

[Trait("Category", "BVT")]
[Trait("Area", "Aggregates")]
public sealed class WeakestEvictionTests
{
    [Fact]
    public void A_map_below_its_cap_keeps_everything()
    {
        var map = Enumerable.Range(1, 39).ToDictionary(i => (long)i, i => i);

        WeakestEviction.MakeRoom(map, 40, (key, value) => (value, key));

        Assert.Equal(39, map.Count);
    }

    [Fact]
    public void A_full_map_loses_exactly_its_weakest_twentieth_whatever_the_ties()
    {
        var random = new Random(11);
        for (var round = 0; round < 500; round++)
        {
            var max = random.Next(1, 300);
            var map = new Dictionary<long, int>();
            while (map.Count < max + random.Next(0, 3)) // a cap lowered since the map filled leaves it above
            {
                map[random.Next(1, 10_000)] = random.Next(0, 5); // few strengths: many ties, decided by the key
            }

            var expected = map.OrderBy(p => (p.Value, p.Key)).Skip(map.Count - max + Math.Max(1, max / WeakestEviction.ShareDenominator)).Select(p => p.Key).Order().ToArray();
            WeakestEviction.MakeRoom(map, max, (key, value) => (value, key));

            Assert.Equal(expected, map.Keys.Order());
            Assert.True(map.Count < max);
        }
    }
}
