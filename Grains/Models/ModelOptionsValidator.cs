using Microsoft.Extensions.Options;

namespace Recsys.Grains.Models;

public sealed class ModelOptionsValidator : IValidateOptions<ModelOptions>
{
    public ValidateOptionsResult Validate(string? name, ModelOptions o) =>
        o.PollInterval >= ModelOptions.MinPollInterval
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"ModelOptions.PollInterval must be at least {ModelOptions.MinPollInterval.TotalSeconds:0} s.");
}
