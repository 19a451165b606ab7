using Recsys.Runtime.Reminders;

namespace Recsys.Runtime.Tests.Reminders;

/// <summary>
/// The behaviour every <see cref="IReminderTable"/> must share; each table's test class derives from this.
/// Every test gets its own ServiceId, so tables backed by one database never see each other's rows.
/// </summary>
public abstract class ReminderTableContractTests
{
    private static readonly DateTimeOffset Start = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private IReminderTable? _table;

    protected string ServiceId { get; } = "test-" + Guid.NewGuid().ToString("N");

    private IReminderTable Table => _table ??= CreateTable(ServiceId);

    protected abstract IReminderTable CreateTable(string serviceId);

    [SkippableFact]
    public async Task Initialize_can_run_more_than_once()
    {
        await Table.InitializeAsync();
        await Table.InitializeAsync();
        await CreateTable(ServiceId).InitializeAsync();
    }

    [SkippableFact]
    public async Task Read_row_returns_null_when_missing()
    {
        await Table.InitializeAsync();

        Assert.Null(await Table.ReadRowAsync(NewGrain(), "missing"));
        Assert.Empty(await Table.ReadRowsAsync(NewGrain()));
    }

    [SkippableFact]
    public async Task Upsert_then_read_round_trips_the_entry_at_millisecond_precision()
    {
        var grain = NewGrain();
        var startAt = new DateTimeOffset(2030, 5, 6, 9, 30, 0, TimeSpan.FromHours(2)).AddTicks(1_234_567);
        var period = TimeSpan.FromMinutes(5).Add(TimeSpan.FromTicks(12_345));

        var eTag = await Table.UpsertRowAsync(new ReminderEntry(grain, "tick", startAt, period));
        var row = await Table.ReadRowAsync(grain, "tick");

        Assert.NotNull(row);
        Assert.Equal(grain, row.GrainId);
        Assert.Equal("tick", row.ReminderName);
        Assert.Equal(startAt.AddTicks(-(startAt.UtcTicks % TimeSpan.TicksPerMillisecond)), row.StartAt);
        Assert.Equal(TimeSpan.FromMilliseconds(300_001), row.Period);
        Assert.Equal(eTag, row.ETag);
    }

    [SkippableFact]
    public async Task Upsert_of_an_existing_row_replaces_it_and_changes_the_etag()
    {
        var grain = NewGrain();
        var first = await Table.UpsertRowAsync(new ReminderEntry(grain, "tick", Start, TimeSpan.FromMinutes(1)));

        var second = await Table.UpsertRowAsync(new ReminderEntry(grain, "tick", Start.AddHours(1), TimeSpan.FromMinutes(2)));
        var row = await Table.ReadRowAsync(grain, "tick");

        Assert.NotEqual(first, second);
        Assert.Equal(second, row!.ETag);
        Assert.Equal(Start.AddHours(1), row.StartAt);
        Assert.Equal(TimeSpan.FromMinutes(2), row.Period);
        Assert.Single(await Table.ReadRowsAsync(grain));
    }

    [SkippableFact]
    public async Task Remove_with_a_stale_etag_returns_false_and_keeps_the_row()
    {
        var grain = NewGrain();
        var first = await Table.UpsertRowAsync(new ReminderEntry(grain, "tick", Start, TimeSpan.FromMinutes(1)));
        var second = await Table.UpsertRowAsync(new ReminderEntry(grain, "tick", Start, TimeSpan.FromMinutes(1)));

        Assert.False(await Table.RemoveRowAsync(grain, "tick", first));
        Assert.False(await Table.RemoveRowAsync(grain, "tick", "not-a-version"));
        Assert.Equal(second, (await Table.ReadRowAsync(grain, "tick"))!.ETag);
    }

    [SkippableFact]
    public async Task Remove_with_the_current_etag_deletes_the_row()
    {
        var grain = NewGrain();
        var eTag = await Table.UpsertRowAsync(new ReminderEntry(grain, "tick", Start, TimeSpan.FromMinutes(1)));

        Assert.True(await Table.RemoveRowAsync(grain, "tick", eTag));
        Assert.Null(await Table.ReadRowAsync(grain, "tick"));
        Assert.False(await Table.RemoveRowAsync(grain, "tick", eTag));
    }

    [SkippableFact]
    public async Task Read_rows_returns_every_reminder_of_one_grain_only()
    {
        var grain = NewGrain();
        await Table.UpsertRowAsync(new ReminderEntry(grain, "a", Start, TimeSpan.FromMinutes(1)));
        await Table.UpsertRowAsync(new ReminderEntry(grain, "b", Start, TimeSpan.FromMinutes(1)));
        await Table.UpsertRowAsync(new ReminderEntry(NewGrain(), "a", Start, TimeSpan.FromMinutes(1)));

        var rows = await Table.ReadRowsAsync(grain);

        Assert.Equal(["a", "b"], rows.Select(r => r.ReminderName).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal(grain, r.GrainId));
    }

    [SkippableFact]
    public async Task Rows_are_scoped_by_service_id()
    {
        var grain = NewGrain();
        var other = CreateTable(ServiceId + "-other");
        await Table.UpsertRowAsync(new ReminderEntry(grain, "tick", Start, TimeSpan.FromMinutes(1)));

        Assert.Null(await other.ReadRowAsync(grain, "tick"));
        Assert.Empty(await other.ReadRowsAsync(grain));
        Assert.Empty(await other.ReadRangeAsync(0, 0));
        Assert.Single(await Table.ReadRangeAsync(0, 0));
    }

    [SkippableFact]
    public async Task Range_reads_follow_the_ring_including_wrap_around()
    {
        // Fixed keys give fixed hashes; 40 of them land on both sides of 2^31, where a signed column could misorder.
        var grains = Enumerable.Range(0, 40).Select(i => GrainId.Create("test.ring", "g" + i)).ToList();
        foreach (var grain in grains)
        {
            await Table.UpsertRowAsync(new ReminderEntry(grain, "tick", Start, TimeSpan.FromMinutes(1)));
        }

        var hashes = grains.Select(g => g.GetUniformHashCode()).Order().ToArray();
        Assert.Contains(hashes, h => h < 0x8000_0000u);
        Assert.Contains(hashes, h => h >= 0x8000_0000u);

        await AssertRange(hashes[5], hashes[20]);            // plain: excludes begin, includes end
        await AssertRange(hashes[30], hashes[3]);            // wraps past uint.MaxValue
        await AssertRange(hashes[12], hashes[12]);           // begin == end: the whole ring
        await AssertRange(0, uint.MaxValue);
        await AssertRange(uint.MaxValue, 0x8000_0000u);      // wraps, ends exactly at the sign boundary
        await AssertRange(hashes[0] - 1, hashes[0]);         // a range holding exactly one grain

        async Task AssertRange(uint begin, uint end)
        {
            var expected = grains.Where(g => InRing(g.GetUniformHashCode(), begin, end)).Select(g => g.ToString()).Order(StringComparer.Ordinal);
            var actual = (await Table.ReadRangeAsync(begin, end)).Select(r => r.GrainId.ToString()).Order(StringComparer.Ordinal);
            Assert.Equal(expected, actual);
        }
    }

    protected static GrainId NewGrain() => GrainId.Create("test.reminder", Guid.NewGuid());

    // Written out independently of the implementation: (begin, end] on a ring of uints, begin == end is everything.
    private static bool InRing(uint hash, uint begin, uint end)
    {
        if (begin == end)
        {
            return true;
        }

        return begin < end ? begin < hash && hash <= end : hash > begin || hash <= end;
    }
}
