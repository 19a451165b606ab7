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
        return new RankingViewer(context, Social.Reports.Keys.Order().ToArray(), disliked, state.State.SimClusters?.InterestedIn ?? []);
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
    /// (2^(-a/h) 2^(-b/h) = 2^(-(a+b)/h)). Knows the counters it summed, so a changed aggregate is summed again.
    /// </summary>
    private sealed class ReceivedAffinitySum
    {
        private readonly ActionCounter[] _actions;
        private readonly AggregateSpec _spec;
        private readonly (long At, float Value)[] _summed;
        private readonly long _latest;
        private readonly double _sum;

        private ReceivedAffinitySum(ActionCounter[] actions, AggregateSpec spec, (long At, float Value)[] summed, long latest, double sum)
        {
            (_actions, _spec, _summed, _latest, _sum) = (actions, spec, summed, latest, sum);
        }

        public static ReceivedAffinitySum Of(RollingAggregate aggregate, AggregateSpec spec)
        {
            var actions = aggregate.Actions;
            var longest = spec.HalfLifeTicks.Length - 1;
            var summed = new (long At, float Value)[actions.Length];
            var latest = long.MinValue;
            for (var i = 0; i < actions.Length; i++)
            {
                var c = actions[i];
                summed[i] = longest >= 0 && c.Decayed.Length > longest ? (c.DecayedAt, c.Decayed[longest]) : (0, c.Total);
                latest = EngagementSignals.IsPositive(c.Action) && c.Decayed.Length > 0 ? Math.Max(latest, c.DecayedAt) : latest;
            }

            var sum = 0d;
            for (var i = 0; longest >= 0 && i < actions.Length; i++)
            {
                if (EngagementSignals.IsPositive(actions[i].Action) && actions[i].Decayed.Length > longest)
                {
                    sum += summed[i].Value * spec.DecayFactor(longest, latest - summed[i].At);
                }
            }

            return new ReceivedAffinitySum(actions, spec, summed, latest, sum);
        }

        /// <summary>Whether the aggregate still holds exactly the counters summed (an event adds to them in place).</summary>
        public bool Holds(RollingAggregate aggregate, AggregateSpec spec)
        {
            if (!ReferenceEquals(aggregate.Actions, _actions) || !ReferenceEquals(spec, _spec))
            {
                return false;
            }

            var longest = spec.HalfLifeTicks.Length - 1;
            for (var i = 0; i < _actions.Length; i++)
            {
                var c = _actions[i];
                var now = longest >= 0 && c.Decayed.Length > longest ? (c.DecayedAt, c.Decayed[longest]) : (0, c.Total);
                if (now.Item1 != _summed[i].At || BitConverter.SingleToInt32Bits(now.Item2) != BitConverter.SingleToInt32Bits(_summed[i].Value))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The affinity at <paramref name="now"/>; null when it cannot be derived (no half-lives, or an event dated after now).</summary>
        public float? At(DateTimeOffset now)
        {
            var longest = _spec.HalfLifeTicks.Length - 1;
            if (longest < 0)
            {
                return null;
            }

            if (_latest == long.MinValue)
            {
                return 0f;
            }

            var elapsed = now.UtcTicks - _latest;
            return elapsed < 0 ? null : (float)(_sum * _spec.DecayFactor(longest, elapsed));
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
