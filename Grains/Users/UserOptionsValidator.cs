using Microsoft.Extensions.Options;

namespace Recsys.Grains.Users;

public sealed class UserOptionsValidator : IValidateOptions<UserOptions>
{
    public ValidateOptionsResult Validate(string? name, UserOptions o)
    {
        var counts = new[] { o.MaxFollows, o.MaxBlocks, o.MaxMutes, o.MaxMutedWords, o.MaxMutedWordLength, o.MaxContacts, o.MaxTopics,
            o.ImpressionCapacity, o.MaxFatigueAuthors, o.RecentEngagementCapacity, o.RecentPostCapacity, o.LoginCapacity, o.MaxRemembered };
        if (counts.Any(c => c <= 0))
        {
            return ValidateOptionsResult.Fail("UserOptions: every capacity and limit must be positive.");
        }

        return o.ImpressionRetention > TimeSpan.Zero && o.FatigueRetention > TimeSpan.Zero
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("UserOptions: ImpressionRetention and FatigueRetention must be positive.");
    }
}
