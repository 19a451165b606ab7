using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Validation;

namespace Recsys.Grains.Users;

/// <summary>Checks a profile's fields: every problem, by field (the API reports them all; the grain throws the first).</summary>
public static class UserProfileValidator
{
    /// <summary>X's handle rule: 1-15 characters, letters, digits and underscores (help.x.com, "Help with username registration").</summary>
    public const int MaxHandleLength = 15;

    public static IReadOnlyList<(string Field, string Problem)> Validate(UserProfile profile, DateTimeOffset now, TimeSpan skew)
    {
        var problems = new List<(string, string)>();
        if (FieldRules.Id(profile.Id) is { } id)
        {
            problems.Add(("id", id));
        }

        if (profile.Handle is not { Length: > 0 and <= MaxHandleLength } || !profile.Handle.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            problems.Add(("handle", $"must be 1-{MaxHandleLength} letters, digits or underscores"));
        }

        if (FieldRules.Language(profile.Language) is { } language)
        {
            problems.Add(("language", language));
        }

        if (FieldRules.Country(profile.Country) is { } country)
        {
            problems.Add(("country", country));
        }

        if (FieldRules.NotInFuture(profile.SignupTime, now, skew) is { } signup)
        {
            problems.Add(("signupTime", signup));
        }

        if (!Enum.IsDefined(profile.Client))
        {
            problems.Add(("client", "is not a known client"));
        }

        if (!Enum.IsDefined(profile.SensitiveMediaSetting))
        {
            problems.Add(("sensitiveMediaSetting", "is not a known setting"));
        }

        return problems;
    }
}
