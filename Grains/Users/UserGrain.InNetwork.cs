using Recsys.Grains.Aggregates;
using Recsys.Grains.Fanout;
using Recsys.Grains.Interfaces.Users;

namespace Recsys.Grains.Users;

/// <summary>
/// In-network: the user's own recent posts (what followers pull), the inbox fan-out writes into (a bounded cache,
/// rebuilt from followees' recent posts on the first read after activation, never stored), and the viewer context.
/// </summary>
public sealed partial class UserGrain
{
    public async Task RecordPost(InboxEntry post)
    {
        RequireCreated("authorId");
        if (ActivityRecorder.RecordPost(state.State.Activity, post, Limits))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<InboxEntry>> GetRecentPosts(DateTimeOffset since, int max)
    {
        IReadOnlyList<InboxEntry> posts = state.State.Activity.RecentPosts.AsEnumerable().Reverse()
            .TakeWhile(p => p.CreatedAt >= since).Take(Math.Max(0, max)).ToArray();
        return Task.FromResult(posts);
    }

    public Task AddToInbox(IReadOnlyList<InboxEntry> entries)
    {
        var inbox = _inbox ??= new Inbox(fanoutOptions.Value.InboxCapacity);
        foreach (var entry in entries)
        {
            inbox.Add(entry);
        }

        return Task.CompletedTask;
    }

    public async Task<InNetworkCandidates> GetInNetworkCandidates(DateTimeOffset since, int max)
    {
        RequireCreated("id");
        var options = fanoutOptions.Value;
        var large = (await GrainFactory.GetGrain<ILargeAccountsGrain>(0).GetAll()).ToHashSet();
        var followees = Social.Follows.Present.Keys.ToArray();
        var inbox = _inbox ??= new Inbox(options.InboxCapacity);
        if (!inbox.IsRebuilt)
        {
            var pushed = followees.Where(f => !large.Contains(f)).ToArray();
            var from = since < Now - options.RebuildWindow ? since : Now - options.RebuildWindow;
            var recent = await BoundedParallel.SelectAsync(pushed, options.MaxParallelCalls,
                f => GrainFactory.GetGrain<IUserGrain>(f).GetRecentPosts(from, options.PostsPerFolloweeOnRebuild));
            await AddToInbox(recent.SelectMany(r => r).ToArray());
            inbox.IsRebuilt = true;
        }

        var pulledFrom = followees.Where(large.Contains).ToArray();
        var pulled = (await BoundedParallel.SelectAsync(pulledFrom, options.MaxParallelCalls,
            f => GrainFactory.GetGrain<IUserGrain>(f).GetRecentPosts(since, options.PostsPerFolloweeOnRebuild))).SelectMany(p => p).ToArray();

        // Read the inbox after the awaits: fan-out may have added to it meanwhile. Unfollowed authors are dropped.
        var fromInbox = inbox.Since(since).Where(e => Social.Follows.Contains(e.AuthorId)).ToArray();
        var entries = fromInbox.Concat(pulled).DistinctBy(e => e.PostId)
            .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.PostId).Take(Math.Max(0, max)).ToArray();
        var pulledIds = pulled.Select(p => p.PostId).ToHashSet();
        var pulledCount = entries.Count(e => pulledIds.Contains(e.PostId));
        return new InNetworkCandidates(entries, entries.Length - pulledCount, pulledCount);
    }

    public Task<ViewerContext> GetViewerContext()
    {
        var profile = RequireCreated("id");
        var now = Now;
        var activity = state.State.Activity;
        var graph = ViewerGraphNow(now);
        return Task.FromResult(new ViewerContext(
            Id,
            now,
            CurrentState(profile),
            [profile.Language],
            profile.Country,
            profile.SensitiveMediaSetting,
            graph.Follows,
            graph.Blocks,
            graph.Mutes,
            Social.MutedWords,
            Social.FollowedTopics,
            activity.Impressions.Recent(now, Limits.ImpressionRetention),
            activity.Fatigue.Entries(now, Limits.FatigueRetention))
        {
            RealGraph = graph.RealGraph,
            RealGraphModel = graph.RealGraphModel,
            Tweepcred = Tweepcred,
        });
    }
}
