using Microsoft.Extensions.Options;

namespace Recsys.Grains.Reputation;

/// <summary>Checks <see cref="TweepcredOptions"/>.</summary>
public sealed class TweepcredOptionsValidator : IValidateOptions<TweepcredOptions>
{
    /// <summary>A shared instance; the validator has no state.</summary>
    public static TweepcredOptionsValidator Instance { get; } = new();

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TweepcredOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!(options.JumpProbability > 0 && options.JumpProbability <= 1))
        {
            failures.Add($"TweepcredOptions.JumpProbability must be in (0, 1], got {options.JumpProbability}.");
        }

        if (options.MaxIterations < 1)
        {
            failures.Add($"TweepcredOptions.MaxIterations must be at least 1, got {options.MaxIterations}.");
        }

        if (!(options.Tolerance >= 0) || double.IsPositiveInfinity(options.Tolerance))
        {
            failures.Add($"TweepcredOptions.Tolerance must be non-negative and finite, got {options.Tolerance}.");
        }

        if (!(options.ReferencePopulation > 0) || double.IsPositiveInfinity(options.ReferencePopulation))
        {
            failures.Add($"TweepcredOptions.ReferencePopulation must be positive and finite, got {options.ReferencePopulation}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws <see cref="OptionsValidationException"/> if the options are invalid.</summary>
    public static void ThrowIfInvalid(TweepcredOptions options)
    {
        var result = Instance.Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(TweepcredOptions), result.Failures);
        }
    }
}
