using Microsoft.Extensions.Options;
using Recsys.Runtime.Configuration.Options;

namespace Recsys.Grains.Ingestion.Log;

public sealed class EngagementLogOptionsValidator : IValidateOptions<EngagementLogOptions>
{
    public ValidateOptionsResult Validate(string? name, EngagementLogOptions options)
    {
        var hasFile = !string.IsNullOrWhiteSpace(options.FilePath);
        var hasConnection = !string.IsNullOrWhiteSpace(options.ConnectionString);
        return options.Provider switch
        {
            EngagementLogProvider.Sqlite when hasFile == hasConnection =>
                ValidateOptionsResult.Fail("EngagementLogOptions: SQLite needs exactly one of FilePath and ConnectionString."),
            EngagementLogProvider.Sqlite when options.BusyTimeout <= TimeSpan.Zero =>
                ValidateOptionsResult.Fail("EngagementLogOptions.BusyTimeout must be positive."),
            EngagementLogProvider.Sqlite when options.PageCacheMebibytes is < 1 or > SqliteStorageOptions.MaxPageCacheMebibytes =>
                ValidateOptionsResult.Fail($"EngagementLogOptions.PageCacheMebibytes must be between 1 and {SqliteStorageOptions.MaxPageCacheMebibytes}."),
            EngagementLogProvider.Sqlite when options.WalAutocheckpointPages is < 1 or > SqliteStorageOptions.MaxWalAutocheckpointPages =>
                ValidateOptionsResult.Fail($"EngagementLogOptions.WalAutocheckpointPages must be between 1 and {SqliteStorageOptions.MaxWalAutocheckpointPages}."),
            EngagementLogProvider.Postgres when !hasConnection =>
                ValidateOptionsResult.Fail("EngagementLogOptions: PostgreSQL needs a ConnectionString."),
            _ => ValidateOptionsResult.Success,
        };
    }
}
