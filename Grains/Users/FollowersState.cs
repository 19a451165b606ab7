namespace Recsys.Grains.Users;

/// <summary>
/// A user's followers: ids while there are at most the pull threshold of them, and the count. Once more followers
/// arrive than the list holds, <see cref="Overflowed"/> is set: the list is incomplete and the author is pulled.
/// </summary>
public sealed class FollowersState
{
    public HashSet<long> Ids { get; set; } = [];

    public long Count { get; set; }

    public bool Overflowed { get; set; }
}
