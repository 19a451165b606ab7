using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Users;

namespace Recsys.Grains.Import;

/// <summary>
/// Keeps each user's first <see cref="UserOptions.DefaultMaxFollows"/> follows (in time order) and drops the rest:
/// the User grain would refuse them anyway, and the importer pre-fills followers lists, which must not name users
/// who do not end up following.
/// </summary>
public static class FollowCap
{
    public static (EngagementEvent[] Kept, int Dropped) Apply(IEnumerable<EngagementEvent> follows, int maxFollows = UserOptions.DefaultMaxFollows)
    {
        var counts = new Dictionary<long, int>();
        var kept = new List<EngagementEvent>();
        var dropped = 0;
        foreach (var follow in follows)
        {
            var count = counts.GetValueOrDefault(follow.UserId);
            if (count >= maxFollows)
            {
                dropped++;
                continue;
            }

            counts[follow.UserId] = count + 1;
            kept.Add(follow);
        }

        return (kept.ToArray(), dropped);
    }
}
