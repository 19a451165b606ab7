using Recsys.Grains.Aggregates;
using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Interfaces.Timeline;
using Recsys.Grains.Interfaces.Users;

namespace Recsys.Grains.Users;

/// <summary>
/// The user as the For You timeline reads it (issue 9): the viewer with its latest negative feedback, the author
/// facts candidates are hydrated with, and the recent engagements the social-graph source walks. Read-only.
/// </summary>
public sealed partial class UserGrain : IUserRankingGrain
{
    private ReceivedAffinitySum? _receivedAffinity;

    public async Task<RankingViewer> GetRankingViewer()
    {
        var context = await GetViewerContext();
        var disliked = state.State.Activity.RecentEngagements
            .Where(e => e.PostId is not null && e.Action is EngagementAction.NotInterested or EngagementAction.Report)
            .Select(e => e.PostId!.Value).Distinct().ToArray();
        return new RankingViewer(context, ViewerGraphNow(context.AsOf).Reported, disliked, state.State.SimClusters?.InterestedIn ?? []);
    }

    public Task<AuthorFacts> GetAuthorFacts(long viewerId)
    {
        if (state.State.Profile is not { } profile)
        {
            return Task.FromResult(AuthorFacts.Missing(Id));
        }

        var received = ReceivedAffinity(Now);
        return Task.FromResult(new AuthorFacts(Id, true, profile.Verified, profile.Subscriber, profile.Suspended, Tweepcred,
            received, Social.Blocks.Contains(viewerId), Social.Mutes.Contains(viewerId)));
    }

    // The engagements received, decayed to now: the author-only part of the facts every viewer reads (the final list
    // of each request reads each of its authors). Summed once per change of the aggregate, then decayed by one factor.
    private float ReceivedAffinity(DateTimeOffset now)
    {
        var (aggregate, spec) = (state.State.Activity.AsAuthor, aggregates.Author);
        if (_receivedAffinity is not { } kept || !kept.Holds(aggregate, spec))
        {
            _receivedAffinity = kept = ReceivedAffinitySum.Of(aggregate, spec);
        }

        return kept.At(now) ?? EngagementSignals.Affinity(aggregate, spec, now);
    }

    /// <summary>
    /// <see cref="EngagementSignals.Affinity"/> kept between calls: every positive counter decays at the same (the
    /// longest) half-life, so the sum at a later time is the sum at the latest event time times one decay factor
    /// (2^(-a/h) 2^(-b/h) = 2^(-(a+b)/h)). Valid while it is the same aggregate at the same version (every event added
    /// changes the version).
    /// </summary>
    private sealed class ReceivedAffinitySum(RollingAggregate aggregate, int version, AggregateSpec spec, long latest, double sum)
    {
        public static ReceivedAffinitySum Of(RollingAggregate aggregate, AggregateSpec spec)
        {
            var longest = spec.HalfLifeTicks.Length - 1;
            var latest = long.MinValue;
            foreach (ref readonly var c in aggregate.Counters)
            {
                latest = longest >= 0 && EngagementSignals.IsPositive(c.Action) && c.DecayedCount > longest ? Math.Max(latest, c.DecayedAt) : latest;
            }

            var sum = 0d;
            foreach (ref readonly var c in aggregate.Counters)
            {
                if (longest >= 0 && EngagementSignals.IsPositive(c.Action) && c.DecayedCount > longest)
                {
                    sum += c.DecayedValue(longest) * spec.DecayFactor(longest, latest - c.DecayedAt);
                }
            }

            return new ReceivedAffinitySum(aggregate, aggregate.Version, spec, latest, sum);
        }

        public bool Holds(RollingAggregate current, AggregateSpec currentSpec) =>
            ReferenceEquals(current, aggregate) && current.Version == version && ReferenceEquals(currentSpec, spec);

        /// <summary>The affinity at <paramref name="now"/>; null when it cannot be derived (no half-lives, or an event dated after now).</summary>
        public float? At(DateTimeOffset now)
        {
            var longest = spec.HalfLifeTicks.Length - 1;
            if (longest < 0)
            {
                return null;
            }

            if (latest == long.MinValue)
            {
                return 0f;
            }

            var elapsed = now.UtcTicks - latest;
            return elapsed < 0 ? null : (float)(sum * spec.DecayFactor(longest, elapsed));
        }
    }

    public Task<IReadOnlyList<RecentEngagement>> GetRecentPostEngagements(DateTimeOffset since, int max)
    {
        var recent = state.State.Activity.RecentEngagements;
        var result = new List<RecentEngagement>(Math.Min(Math.Max(0, max), recent.Count));
        for (var i = recent.Count - 1; i >= 0 && result.Count < max; i--)
        {
            var e = recent[i];
            if (e.PostId is not null && e.Time >= since && EngagementSignals.IsPositive(e.Action))
            {
                result.Add(e);
            }
        }

        return Task.FromResult<IReadOnlyList<RecentEngagement>>(result);
    }
}
