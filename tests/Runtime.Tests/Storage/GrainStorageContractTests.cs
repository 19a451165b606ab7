using System.Text.Json.Nodes;
using Recsys.Runtime.Storage;

namespace Recsys.Runtime.Tests.Storage;

/// <summary>
/// The behaviour every <see cref="IGrainStorage"/> must share; each provider's test class derives from this.
/// Every test gets its own ServiceId, so providers backed by one database never see each other's rows.
/// </summary>
public abstract class GrainStorageContractTests
{
    private const string State = "state";
    private IGrainStorage? _storage;

    protected string ServiceId { get; } = "test-" + Guid.NewGuid().ToString("N");

    private IGrainStorage Storage => _storage ??= CreateStorage(ServiceId);

    /// <summary>Creates a provider over the test's backing store, scoped to <paramref name="serviceId"/>.</summary>
    protected abstract IGrainStorage CreateStorage(string serviceId);

    [SkippableFact]
    public async Task Read_returns_null_when_nothing_was_written()
    {
        Assert.Null(await Storage.ReadAsync(NewGrain(), State));
    }

    [SkippableFact]
    public async Task Write_then_read_round_trips_the_json_and_etag()
    {
        var grain = NewGrain();
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);

        var eTag = await Storage.WriteAsync(grain, State, """{"count":3,"name":"ann","tags":["a","b"]}""", null);
        var record = await Storage.ReadAsync(grain, State);

        Assert.NotNull(record);
        Assert.Equal("1", eTag);
        Assert.Equal(eTag, record.ETag);
        AssertJsonEqual("""{"count":3,"name":"ann","tags":["a","b"]}""", record.Json);
        Assert.InRange(record.ModifiedOn, before, DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [SkippableFact]
    public async Task Write_with_the_current_etag_replaces_the_json_and_advances_the_etag()
    {
        var grain = NewGrain();
        var first = await Storage.WriteAsync(grain, State, """{"v":1}""", null);

        var second = await Storage.WriteAsync(grain, State, """{"v":2}""", first);
        var record = await Storage.ReadAsync(grain, State);

        Assert.Equal("2", second);
        Assert.Equal(second, record!.ETag);
        AssertJsonEqual("""{"v":2}""", record.Json);
    }

    [SkippableFact]
    public async Task Write_with_a_stale_etag_throws_and_leaves_the_stored_json_unchanged()
    {
        var grain = NewGrain();
        var first = await Storage.WriteAsync(grain, State, """{"v":1}""", null);
        var second = await Storage.WriteAsync(grain, State, """{"v":2}""", first);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(grain, State, """{"v":3}""", first));

        Assert.Equal(second, error.StoredETag);
        Assert.Equal(first, error.CurrentETag);
        var record = await Storage.ReadAsync(grain, State);
        Assert.Equal(second, record!.ETag);
        AssertJsonEqual("""{"v":2}""", record.Json);
    }

    [SkippableFact]
    public async Task Write_with_an_etag_for_a_missing_row_or_a_foreign_etag_throws()
    {
        var grain = NewGrain();

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(grain, State, "{}", "1"));
        await Storage.WriteAsync(grain, State, """{"v":1}""", null);
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(grain, State, "{}", "not-a-version"));

        AssertJsonEqual("""{"v":1}""", (await Storage.ReadAsync(grain, State))!.Json);
    }

    [SkippableFact]
    public async Task First_write_with_a_null_etag_throws_when_the_row_already_exists()
    {
        var grain = NewGrain();
        await Storage.WriteAsync(grain, State, """{"v":1}""", null);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(grain, State, """{"v":2}""", null));

        Assert.Equal("1", error.StoredETag);
        AssertJsonEqual("""{"v":1}""", (await Storage.ReadAsync(grain, State))!.Json);
    }

    [SkippableFact]
    public async Task Racing_first_writes_with_a_null_etag_have_exactly_one_winner()
    {
        var grain = NewGrain();
        const int Writers = 12;

        var attempts = Enumerable.Range(0, Writers)
            .Select(i => Task.Run(async () =>
            {
                try
                {
                    await Storage.WriteAsync(grain, State, $$"""{"writer":{{i}}}""", null);
                    return (int?)i;
                }
                catch (InconsistentStateException)
                {
                    return null;
                }
            }))
            .ToArray();
        var results = await Task.WhenAll(attempts);

        var winner = Assert.Single(results, r => r is not null);
        var record = await Storage.ReadAsync(grain, State);
        Assert.Equal("1", record!.ETag);
        AssertJsonEqual($$"""{"writer":{{winner}}}""", record.Json);
    }

    [SkippableFact]
    public async Task Clear_then_read_returns_null_json_with_an_advanced_etag()
    {
        var grain = NewGrain();
        var written = await Storage.WriteAsync(grain, State, """{"v":1}""", null);

        var cleared = await Storage.ClearAsync(grain, State, written);
        var record = await Storage.ReadAsync(grain, State);

        Assert.Equal("2", cleared);
        Assert.NotNull(record);
        Assert.Null(record.Json);
        Assert.Equal(cleared, record.ETag);
    }

    [SkippableFact]
    public async Task Write_after_clear_needs_the_etag_the_clear_returned()
    {
        var grain = NewGrain();
        var written = await Storage.WriteAsync(grain, State, """{"v":1}""", null);
        var cleared = await Storage.ClearAsync(grain, State, written);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(grain, State, """{"v":2}""", written));
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(grain, State, """{"v":2}""", null));
        var rewritten = await Storage.WriteAsync(grain, State, """{"v":2}""", cleared);

        Assert.Equal("3", rewritten);
        AssertJsonEqual("""{"v":2}""", (await Storage.ReadAsync(grain, State))!.Json);
    }

    [SkippableFact]
    public async Task Clear_with_a_stale_etag_throws_and_keeps_the_json()
    {
        var grain = NewGrain();
        var first = await Storage.WriteAsync(grain, State, """{"v":1}""", null);
        var second = await Storage.WriteAsync(grain, State, """{"v":2}""", first);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearAsync(grain, State, first));

        Assert.Equal(second, error.StoredETag);
        var record = await Storage.ReadAsync(grain, State);
        Assert.Equal(second, record!.ETag);
        AssertJsonEqual("""{"v":2}""", record.Json);
    }

    [SkippableFact]
    public async Task Clear_with_a_null_etag_creates_an_empty_row_only_when_none_exists()
    {
        var fresh = NewGrain();
        var cleared = await Storage.ClearAsync(fresh, State, null);
        var record = await Storage.ReadAsync(fresh, State);
        Assert.Equal("1", cleared);
        Assert.Null(record!.Json);
        Assert.Equal("1", record.ETag);

        var existing = NewGrain();
        await Storage.WriteAsync(existing, State, """{"v":1}""", null);
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearAsync(existing, State, null));
        AssertJsonEqual("""{"v":1}""", (await Storage.ReadAsync(existing, State))!.Json);
    }

    [SkippableFact]
    public async Task Rows_are_scoped_by_service_id()
    {
        var grain = NewGrain();
        var other = CreateStorage(ServiceId + "-other");
        await Storage.WriteAsync(grain, State, """{"service":"mine"}""", null);

        Assert.Null(await other.ReadAsync(grain, State));
        Assert.Equal("1", await other.WriteAsync(grain, State, """{"service":"other"}""", null));
        AssertJsonEqual("""{"service":"mine"}""", (await Storage.ReadAsync(grain, State))!.Json);
        AssertJsonEqual("""{"service":"other"}""", (await other.ReadAsync(grain, State))!.Json);
    }

    [SkippableFact]
    public async Task String_long_and_guid_keys_are_stored_separately()
    {
        // Keys chosen to collide under a careless decomposition: "007" and "-0" are not canonical longs,
        // Guids with a zero first half look like longs, an uppercase Guid is only a string.
        var keys = new[]
        {
            "0", "7", "-7", "007", "-0", long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture), long.MinValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Guid.NewGuid().ToString("N"), Guid.Empty.ToString("N"), "00000000000000000000000000000007", "ffffffffffffffffffffffffffffffff",
            Guid.NewGuid().ToString("N").ToUpperInvariant(), Guid.NewGuid().ToString("D"), "user-ann", "ann/with/slashes", "ünïcödé",
        };
        var type = "test.keys" + Guid.NewGuid().ToString("N");

        foreach (var key in keys)
        {
            await Storage.WriteAsync(new GrainId(type, key), State, new JsonObject { ["key"] = key }.ToJsonString(), null);
        }

        foreach (var key in keys)
        {
            var record = await Storage.ReadAsync(new GrainId(type, key), State);
            Assert.Equal(key, JsonNode.Parse(record!.Json!)!["key"]!.GetValue<string>());
        }
    }

    [SkippableFact]
    public async Task State_names_of_one_grain_are_stored_separately()
    {
        var grain = NewGrain();
        await Storage.WriteAsync(grain, "profile", """{"s":"profile"}""", null);
        await Storage.WriteAsync(grain, "history", """{"s":"history"}""", null);

        AssertJsonEqual("""{"s":"profile"}""", (await Storage.ReadAsync(grain, "profile"))!.Json);
        AssertJsonEqual("""{"s":"history"}""", (await Storage.ReadAsync(grain, "history"))!.Json);
        Assert.Null(await Storage.ReadAsync(grain, "other"));
    }

    [SkippableFact]
    public async Task Empty_keys_dotted_state_names_and_oversized_keys_are_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Storage.ReadAsync(new GrainId("test.keys", string.Empty), State));
        await Assert.ThrowsAsync<ArgumentException>(() => Storage.WriteAsync(NewGrain(), "a.b", "{}", null));
        await Assert.ThrowsAsync<ArgumentException>(() => Storage.WriteAsync(new GrainId("test.keys", new string('k', 513)), State, "{}", null));
    }

    protected static GrainId NewGrain() => GrainId.Create("test.grain", Guid.NewGuid());

    /// <summary>Compares JSON by meaning: PostgreSQL's jsonb normalises whitespace and key order.</summary>
    protected static void AssertJsonEqual(string expected, string? actual)
    {
        Assert.NotNull(actual);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), $"Expected JSON {expected} but found {actual}.");
    }
}
