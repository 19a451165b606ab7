using Microsoft.Extensions.Options;

namespace Recsys.Runtime.Configuration.Options;

/// <summary>Checks that exactly one data location is set and that the busy timeout, page cache and WAL checkpoint sizes are usable.</summary>
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

        if (options.PageCacheMebibytes is < 1 or > SqliteStorageOptions.MaxPageCacheMebibytes)
        {
            failures.Add($"SQLite storage '{name}': PageCacheMebibytes must be between 1 and {SqliteStorageOptions.MaxPageCacheMebibytes}.");
        }

        if (options.WalAutocheckpointPages is < 1 or > SqliteStorageOptions.MaxWalAutocheckpointPages)
        {
            failures.Add($"SQLite storage '{name}': WalAutocheckpointPages must be between 1 and {SqliteStorageOptions.MaxWalAutocheckpointPages}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
