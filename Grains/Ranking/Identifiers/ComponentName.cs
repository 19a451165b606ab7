namespace Recsys.Grains.Ranking.Identifiers;

/// <summary>
/// The rule every component name follows (product-mixer's ComponentIdentifier): CamelCase, 3-80 characters,
/// letters and digits only, starting with a capital. The name leaves out the kind ("Retweet", not
/// "RetweetFilter"): logs, metrics and switches add it as "Filter:Retweet".
/// </summary>
public static class ComponentName
{
    public const int MinLength = 3;
    public const int MaxLength = 80;

    /// <summary>Returns the name when valid; throws ArgumentException saying what is wrong otherwise.</summary>
    public static string Validate(string name, string kind)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length is < MinLength or > MaxLength)
        {
            throw new ArgumentException($"{kind} name '{name}' must be {MinLength}-{MaxLength} characters long", nameof(name));
        }

        if (!char.IsAsciiLetterUpper(name[0]) || !name.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"{kind} name '{name}' must be CamelCase letters and digits starting with a capital", nameof(name));
        }

        if (name.EndsWith(kind, StringComparison.Ordinal))
        {
            throw new ArgumentException($"{kind} name '{name}' must leave out the kind ('{name[..^kind.Length]}')", nameof(name));
        }

        return name;
    }
}
