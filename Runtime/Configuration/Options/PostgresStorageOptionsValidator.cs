using Microsoft.Extensions.Options;
using Npgsql;

namespace Recsys.Runtime.Configuration.Options;

/// <summary>Checks that the connection string is present and that Npgsql can parse it.</summary>
internal sealed class PostgresStorageOptionsValidator : IValidateOptions<PostgresStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, PostgresStorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail($"PostgreSQL storage '{name}': ConnectionString is required.");
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            // The message names the bad keyword; it does not echo the password.
            return ValidateOptionsResult.Fail($"PostgreSQL storage '{name}': ConnectionString is invalid: {ex.Message}");
        }

        return ValidateOptionsResult.Success;
    }
}
