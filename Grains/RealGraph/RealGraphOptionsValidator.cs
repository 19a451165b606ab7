using Microsoft.Extensions.Options;

namespace Recsys.Grains.RealGraph;

public sealed class RealGraphOptionsValidator : IValidateOptions<RealGraphOptions>
{
    /// <summary>The most days <see cref="RealGraphOptions.WindowDays"/> may span: the active-day bitmask holds 32.</summary>
    public const int MaxWindowDays = 32;

    public ValidateOptionsResult Validate(string? name, RealGraphOptions o)
    {
        if (o.DecayPerDay is <= 0 or >= 1)
        {
            return ValidateOptionsResult.Fail("RealGraphOptions.DecayPerDay must be between 0 and 1 (exclusive).");
        }

        if (o.WindowDays is < 1 or > MaxWindowDays)
        {
            return ValidateOptionsResult.Fail($"RealGraphOptions.WindowDays must be 1-{MaxWindowDays}.");
        }

        return o.MaxEdges > 0 && o.FeatureTtlDays > 0 && o.ViewerContextEdges > 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("RealGraphOptions.MaxEdges, FeatureTtlDays and ViewerContextEdges must be positive.");
    }
}
