using Microsoft.Extensions.Options;
using Recsys.Grains.Reputation;

namespace Recsys.Grains.Tests.Reputation;

[Trait("Category", "BVT")]
[Trait("Area", "Tweepcred")]
public sealed class TweepcredOptionsValidatorTests
{
    [Fact]
    public void DefaultsAreThePublishedOnesAndValid()
    {
        var options = new TweepcredOptions();
        Assert.Equal((0.1, 20, 0.001, 1e9, true, false), (options.JumpProbability, options.MaxIterations, options.Tolerance,
            options.ReferencePopulation, options.PostAdjust, options.UseRealGraphWeights));
        Assert.True(TweepcredOptionsValidator.Instance.Validate(null, options).Succeeded);
    }

    public static TheoryData<string, Action<TweepcredOptions>> Invalid => new()
    {
        { "JumpProbability", o => o.JumpProbability = 0 },
        { "JumpProbability", o => o.JumpProbability = 1.5 },
        { "JumpProbability", o => o.JumpProbability = double.NaN },
        { "MaxIterations", o => o.MaxIterations = 0 },
        { "Tolerance", o => o.Tolerance = -1 },
        { "ReferencePopulation", o => o.ReferencePopulation = 0 },
        { "ReferencePopulation", o => o.ReferencePopulation = double.PositiveInfinity },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void OutOfRangeValuesAreRejected(string property, Action<TweepcredOptions> change)
    {
        var options = new TweepcredOptions();
        change(options);
        var result = TweepcredOptionsValidator.Instance.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(property, result.FailureMessage);
        Assert.Throws<OptionsValidationException>(() => TweepcredOptionsValidator.ThrowIfInvalid(options));
    }
}
