using Microsoft.Extensions.Options;
using Recsys.Grains.Interfaces.Users;

namespace Recsys.Grains.Reputation.Cluster;

/// <summary>Checks <see cref="TweepcredJobOptions"/>.</summary>
public sealed class TweepcredJobOptionsValidator : IValidateOptions<TweepcredJobOptions>
{
    public ValidateOptionsResult Validate(string? name, TweepcredJobOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Partitions < 0 || options.Partitions > UserIndex.Shards)
        {
            failures.Add($"TweepcredJobOptions.Partitions must be 0 (two per silo) or 1..{UserIndex.Shards} (the user-index shards), got {options.Partitions}.");
        }

        if (options.MaxMessageEntries < 1 || options.MaxMessageEntries > TweepcredJobOptions.MaxMessageEntriesLimit)
        {
            failures.Add($"TweepcredJobOptions.MaxMessageEntries must be in 1..{TweepcredJobOptions.MaxMessageEntriesLimit}, got {options.MaxMessageEntries}.");
        }

        if (options.MaxParallelCalls < 1)
        {
            failures.Add($"TweepcredJobOptions.MaxParallelCalls must be at least 1, got {options.MaxParallelCalls}.");
        }

        if (options.BatchUsers < 1)
        {
            failures.Add($"TweepcredJobOptions.BatchUsers must be at least 1, got {options.BatchUsers}.");
        }

        if (options.DailyAt < TimeSpan.Zero || options.DailyAt >= TimeSpan.FromDays(1))
        {
            failures.Add($"TweepcredJobOptions.DailyAt must be a time of day (0 to 24 h), got {options.DailyAt}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
