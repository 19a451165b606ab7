namespace Recsys.Runtime.Tests;

[Trait("Category", "BVT")]
[Trait("Area", "Identity")]
public sealed class GrainIdTests
{
    [Theory]
    [InlineData(0L)]
    [InlineData(42L)]
    [InlineData(-7L)]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    public void AnIntegerIdEqualsTheSameIdParsedFromItsText(long key)
    {
        var created = GrainId.Create("user", key);
        var parsed = GrainId.Parse(created.ToString());
        var fromText = new GrainId("user", key.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var fromFactory = GrainId.CreateInterned(string.Intern("user"), key);

        Assert.Equal(created, parsed);
        Assert.Equal(parsed, created);
        Assert.Equal(created, fromText);
        Assert.Equal(parsed, fromFactory);
        Assert.Equal(created.ToString(), fromFactory.ToString());
        Assert.Equal(fromText.Key, created.Key); // made from the number when asked for
        Assert.Equal(fromText.GetUniformHashCode(), fromFactory.GetUniformHashCode());
        Assert.Equal(key, fromFactory.GetIntegerKey());
        Assert.Equal(created.GetHashCode(), parsed.GetHashCode());
        Assert.Equal(created.GetUniformHashCode(), parsed.GetUniformHashCode());
        Assert.Equal(key, created.GetIntegerKey());
        Assert.Equal(key, parsed.GetIntegerKey());
    }

    [Fact]
    public void IntegerIdsDifferByKeyAndByType()
    {
        Assert.NotEqual(GrainId.Create("user", 1), GrainId.Create("user", 2));
        Assert.NotEqual(GrainId.Create("user", 1), GrainId.Create("post", 1));
        Assert.NotEqual(GrainId.Create("user", 1), GrainId.Parse("user/01")); // the text is the identity
        Assert.NotEqual(GrainId.Create("user", 1), GrainId.Create("user", "one"));
    }

    [Theory]
    [InlineData("05", 5L)]
    [InlineData("+5", 5L)]
    [InlineData("-0", 0L)]
    public void ANonCanonicalNumberIsAnotherGrainButStillReadsAsItsNumber(string key, long number)
    {
        var id = GrainId.Create("user", key);
        Assert.NotEqual(GrainId.Create("user", number), id);
        Assert.NotEqual(id, GrainId.Create("user", number));
        Assert.Equal(id, GrainId.Parse("user/" + key));
        Assert.Equal(number, id.GetIntegerKey());
    }

    [Fact]
    public void AStringKeyThatIsNotANumberHasNoIntegerKey()
    {
        Assert.Throws<InvalidOperationException>(() => GrainId.Create("user", "alice").GetIntegerKey());
        Assert.Throws<InvalidOperationException>(() => GrainId.Create("user", "99999999999999999999").GetIntegerKey());
        Assert.Throws<InvalidOperationException>(() => GrainId.Create("user", "").GetIntegerKey());
    }

    [Fact]
    public void ATypeWithASlashIsRefusedWhateverTheKey()
    {
        Assert.Throws<ArgumentException>(() => GrainId.Create("a/b", 1));
        Assert.Throws<ArgumentException>(() => GrainId.Create("a/b", "k"));
        Assert.Throws<ArgumentException>(() => GrainId.Create("", 1));
    }
}
