namespace Recsys.Grains.Validation;

/// <summary>Small value rules shared by the validators (each returns the problem, or null when the value is fine).</summary>
public static class FieldRules
{
    /// <summary>An ISO 639-1 code in lower case ("en"), a 3-letter ISO 639-2/3 code, or "und" for undetermined.</summary>
    public static string? Language(string? value) =>
        value is { Length: 2 or 3 } && value.All(char.IsAsciiLetterLower) ? null : "must be an ISO 639 language code such as 'en'";

    /// <summary>An ISO 3166-1 alpha-2 code in upper case ("US").</summary>
    public static string? Country(string? value) =>
        value is null || (value.Length == 2 && value.All(char.IsAsciiLetterUpper)) ? null : "must be an ISO 3166-1 alpha-2 code such as 'US'";

    public static string? Id(long value) => value > 0 ? null : "must be a positive id";

    public static string? NotInFuture(DateTimeOffset value, DateTimeOffset now, TimeSpan skew) =>
        value <= now + skew ? null : "must not be in the future";

    public static string? MaxLength(string? value, int max) =>
        value is null || value.Length <= max ? null : $"must be at most {max} characters (got {value.Length})";

    public static string? MaxCount<T>(IReadOnlyCollection<T>? values, int max) =>
        values is null || values.Count <= max ? null : $"must have at most {max} entries (got {values.Count})";
}
