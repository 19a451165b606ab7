using Microsoft.Extensions.Options;

namespace Recsys.Runtime.Configuration.Options;

/// <summary>Checks that exactly one data location is set and that the busy timeout is usable.</summary>
internal sealed class SqliteStorageOptionsValidator : IValidateOptions<SqliteStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, SqliteStorageOptions options)
    {
        var failures = new List<string>();
        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        var hasFilePath = !string.IsNullOrWhiteSpace(options.FilePath);
        if (hasConnectionString == hasFilePath)
        {
            failures.Add($"SQLite storage '{name}': set exactly one of ConnectionString and FilePath.");
        }

        if (options.BusyTimeout <= TimeSpan.Zero || options.BusyTimeout.TotalMilliseconds > int.MaxValue)
        {
            failures.Add($"SQLite storage '{name}': BusyTimeout must be positive and at most {int.MaxValue} ms.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
