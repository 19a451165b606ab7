using Recsys.Grains.Interfaces.Aggregates;
using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Interfaces.Users;

namespace Recsys.Grains.Users;

/// <summary>Engagements: applied as actor (aggregates, pairs, impressions, fatigue, logins, social actions) and as subject.</summary>
public sealed partial class UserGrain
{
    public ValueTask ApplyEngagements(IReadOnlyList<LoggedEngagement> events) => new(ApplyLiveAsync(events));

    public Task Checkpoint() => CheckpointAsync();

    public Task<UserActivityView> GetActivity()
    {
        RequireCreated("id");
        var now = Now;
        var activity = state.State.Activity;
        var authors = activity.Authors.Top(aggregates.Pair, now, aggregates.MaxPairAuthors)
            .Select(p => new PairAggregateView(p.AuthorId, p.Aggregate.Read(aggregates.Pair, now))).ToArray();
        return Task.FromResult(new UserActivityView(
            Id,
            now,
            activity.AsActor.Read(aggregates.Actor, now),
            activity.AsAuthor.Read(aggregates.Author, now),
            authors,
            activity.RecentEngagements.NewestFirst().ToArray(),
            activity.Logins.NewestFirst().Select(t => new DateTimeOffset(t, TimeSpan.Zero)).ToArray(),
            Cursor.AppliedThrough));
    }

    protected override async ValueTask ApplyAsync(LoggedEngagement e)
    {
        if (e.UserId == Id)
        {
            await ApplySocialAsync(e);
            ActivityRecorder.RecordAsActor(state.State.Activity, e, aggregates, Limits);
            RecordRealGraph(e);
        }
        else if (e.SubjectId == Id)
        {
            ActivityRecorder.RecordAsSubject(state.State.Activity, e, aggregates);
        }
    }

    // The same cores as the routes, not strict: an accepted event that breaks a limit changes no relation.
    private async Task ApplySocialAsync(LoggedEngagement e)
    {
        if ((e.SubjectId ?? e.TargetUserId) is not { } target || target == Id)
        {
            return;
        }

        switch (e.Action)
        {
            case EngagementAction.Follow:
                await FollowCoreAsync(target, e.Time, strict: false);
                break;
            case EngagementAction.Unfollow:
                await UnfollowCoreAsync(target, e.Time);
                break;
            case EngagementAction.Block:
                await BlockCoreAsync(target, e.Time, strict: false);
                break;
            case EngagementAction.Mute:
                MuteCore(target, e.Time, strict: false);
                break;
            case EngagementAction.Report:
                ReportCore(target, e.Time);
                break;
        }
    }
}
