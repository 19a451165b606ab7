using Microsoft.Extensions.Options;

namespace Recsys.Grains.Ingestion;

public sealed class IngestionOptionsValidator : IValidateOptions<IngestionOptions>
{
    public ValidateOptionsResult Validate(string? name, IngestionOptions options)
    {
        var failures = new List<string>();
        Positive(failures, nameof(options.MaxBatchEvents), options.MaxBatchEvents);
        Positive(failures, nameof(options.CheckpointEveryEvents), options.CheckpointEveryEvents);
        Positive(failures, nameof(options.MaxEventsPerDelivery), options.MaxEventsPerDelivery);
        Positive(failures, nameof(options.ReplayPageSize), options.ReplayPageSize);
        if (options.MaxEventIdLength is < 1 or > 256)
        {
            failures.Add("IngestionOptions.MaxEventIdLength must be between 1 and 256 (the log column holds 256).");
        }

        if (options.DedupRetention <= TimeSpan.Zero || options.CheckpointInterval <= TimeSpan.Zero || options.MaxClockSkew < TimeSpan.Zero)
        {
            failures.Add("IngestionOptions: DedupRetention and CheckpointInterval must be positive, MaxClockSkew not negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, string name, int value)
    {
        if (value <= 0)
        {
            failures.Add($"IngestionOptions.{name} must be positive.");
        }
    }
}
