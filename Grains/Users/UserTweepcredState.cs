using Recsys.Grains.Interfaces.Reputation;

namespace Recsys.Grains.Users;

/// <summary>
/// A user's tweepcred as the last run stored it (issue 7): a state of its own, so that the daily job writes a small
/// row per user instead of rewriting the whole user record.
/// </summary>
public sealed class UserTweepcredState
{
    /// <summary>Null before the user's first run.</summary>
    public UserReputation? Last { get; set; }
}
