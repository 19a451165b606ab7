using Recsys.Runtime.Reminders;

namespace Recsys.Runtime.Tests.Reminders;

[Trait("Category", "BVT")]
[Trait("Area", "Reminders")]
public sealed class ReminderRowsTests
{
    [Fact]
    public void The_stored_hash_keeps_unsigned_order_under_signed_comparison()
    {
        uint[] ordered = [0u, 1u, 0x7fff_ffffu, 0x8000_0000u, 0x8000_0001u, uint.MaxValue];

        var stored = ordered.Select(ReminderRows.ToStoredHash).ToArray();

        Assert.Equal(stored.Order(), stored);
        Assert.Equal(int.MinValue, stored[0]);
        Assert.Equal(int.MaxValue, stored[^1]);
    }

    [Theory]
    [InlineData(10u, 20u, 10u, false)]
    [InlineData(10u, 20u, 20u, true)]
    [InlineData(20u, 10u, 25u, true)]
    [InlineData(20u, 10u, 5u, true)]
    [InlineData(20u, 10u, 15u, false)]
    [InlineData(7u, 7u, 123u, true)]
    public void In_range_is_the_half_open_ring_interval(uint begin, uint end, uint hash, bool expected)
    {
        Assert.Equal(expected, ReminderRows.InRange(hash, begin, end));
    }
}
