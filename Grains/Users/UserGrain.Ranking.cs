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

        var received = EngagementSignals.Affinity(state.State.Activity.AsAuthor, aggregates.Author, Now);
        return Task.FromResult(new AuthorFacts(Id, true, profile.Verified, profile.Subscriber, profile.Suspended, Tweepcred,
            received, Social.Blocks.Contains(viewerId), Social.Mutes.Contains(viewerId)));
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
