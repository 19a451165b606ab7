using Microsoft.Extensions.Options;

namespace Recsys.Grains.Aggregates;

/// <summary>Every group must resolve to an <see cref="AggregateSpec"/>; the pair bound must be positive.</summary>
public sealed class AggregateOptionsValidator : IValidateOptions<AggregateOptions>
{
    public ValidateOptionsResult Validate(string? name, AggregateOptions options)
    {
        var failures = new List<string>();
        foreach (var (group, value) in new[] { ("Post", options.Post), ("Actor", options.Actor), ("Author", options.Author), ("Pair", options.Pair) })
        {
            try
            {
                _ = new AggregateSpec(value);
            }
            catch (ArgumentException exception)
            {
                failures.Add($"AggregateOptions.{group}: {exception.Message}");
            }
        }

        if (options.MaxPairAuthors <= 0)
        {
            failures.Add("AggregateOptions.MaxPairAuthors must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
