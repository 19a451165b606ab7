using Recsys.Runtime.Storage;

namespace Recsys.Runtime.Tests.Storage;

[Trait("Category", "BVT")]
[Trait("Area", "Storage")]
public sealed class GrainStorageKeyTests
{
    [Fact]
    public void A_long_key_goes_to_n1_and_the_state_name_joins_the_type_string()
    {
        var key = GrainStorageKey.Create(GrainId.Create("user", -42L), "profile");

        Assert.Equal("user.profile", key.TypeString);
        Assert.Equal(0, key.N0);
        Assert.Equal(-42, key.N1);
        Assert.Null(key.Extension);
    }

    [Fact]
    public void A_guid_key_is_split_into_two_signed_halves()
    {
        var key = GrainStorageKey.Create(GrainId.Create("user", Guid.Parse("0123456789abcdeffedcba9876543210")), "s");

        Assert.Equal(0x0123456789abcdef, key.N0);
        Assert.Equal(unchecked((long)0xfedcba9876543210), key.N1);
        Assert.Null(key.Extension);
    }

    [Theory]
    [InlineData("ann")]
    [InlineData("007")]
    [InlineData("-0")]
    [InlineData("0000000000000000000000000000002a")]
    [InlineData("0123456789ABCDEFFEDCBA9876543210")]
    public void Other_keys_go_to_the_extension_column(string text)
    {
        var key = GrainStorageKey.Create(new GrainId("user", text), "s");

        Assert.Equal((0L, 0L, text), (key.N0, key.N1, key.Extension));
    }

    [Fact]
    public void Hashes_are_stable_and_taken_from_the_grain_id()
    {
        var grain = GrainId.Create("user", 7L);

        var key = GrainStorageKey.Create(grain, "s");

        Assert.Equal(unchecked((int)grain.GetUniformHashCode()), key.GrainIdHash);
        Assert.Equal(key.TypeHash, GrainStorageKey.Create(GrainId.Create("user", 8L), "s").TypeHash);
        Assert.NotEqual(key.TypeHash, GrainStorageKey.Create(grain, "t").TypeHash);
    }
}
