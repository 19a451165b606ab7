using Recsys.Grains.Interfaces.Engagements;

namespace Recsys.Grains.Aggregates;

/// <summary>
/// Which actions say a user wants more of an author. Impressions and negative feedback are left out; the rest are
/// the positive interactions RealGraph counts (algorithm.md section 3: favorites, retweets, replies, quotes,
/// mentions, tweet and link clicks, profile views, dwell, shares...).
/// </summary>
public static class EngagementSignals
{
    public static bool IsPositive(EngagementAction action) => action switch
    {
        EngagementAction.Impression or EngagementAction.Unlike or EngagementAction.Unfollow
            or EngagementAction.NotInterested or EngagementAction.Mute or EngagementAction.Block
            or EngagementAction.Report or EngagementAction.Login or EngagementAction.NotificationDismiss => false,
        _ => true,
    };

    /// <summary>The sum of positive decayed counts at the group's longest half-life: an affinity weight.</summary>
    public static float Affinity(RollingAggregate aggregate, AggregateSpec spec, DateTimeOffset now)
    {
        if (spec.HalfLifeTicks.Length == 0)
        {
            var total = 0f;
            foreach (ref readonly var counter in aggregate.Counters)
            {
                total += IsPositive(counter.Action) ? counter.Total : 0f;
            }

            return total;
        }

        var longest = spec.HalfLifeTicks.Length - 1;
        var sum = 0f;
        foreach (ref readonly var counter in aggregate.Counters)
        {
            if (IsPositive(counter.Action))
            {
                sum += counter.DecayedNow(spec, longest, now.UtcTicks);
            }
        }

        return sum;
    }
}
