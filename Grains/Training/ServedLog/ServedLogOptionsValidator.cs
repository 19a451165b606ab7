using Microsoft.Extensions.Options;

namespace Recsys.Grains.Training.ServedLog;

public sealed class ServedLogOptionsValidator : IValidateOptions<ServedLogOptions>
{
    public ValidateOptionsResult Validate(string? name, ServedLogOptions o)
    {
        var errors = new List<string>();
        if (o.BufferCapacity < 1)
        {
            errors.Add("ServedLogOptions.BufferCapacity must be at least 1.");
        }

        if (o.BatchSize < 1 || o.BatchSize > o.BufferCapacity)
        {
            errors.Add("ServedLogOptions.BatchSize must be between 1 and BufferCapacity.");
        }

        if (o.FlushInterval <= TimeSpan.Zero)
        {
            errors.Add("ServedLogOptions.FlushInterval must be positive.");
        }

        if (o.Retention < TimeSpan.FromDays(1))
        {
            errors.Add("ServedLogOptions.Retention must be at least 1 day (training labels items 24 h after serving).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
