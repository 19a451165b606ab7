using System.Text.Json;
using Microsoft.Extensions.Options;
using Recsys.Grains.Admin;
using Recsys.Grains.Aggregates;
using Recsys.Grains.Fanout;
using Recsys.Grains.Ingestion;
using Recsys.Grains.Ingestion.Log;
using Recsys.Grains.Interfaces.Errors;
using Recsys.Grains.Interfaces.Users;
using Recsys.Runtime;
using Recsys.Runtime.Storage;

namespace Recsys.Grains.Users;

/// <summary>
/// One user. The profile, social graph and activity are stored together with the event-log cursor, so every
/// write is consistent with the engagements applied; the in-network inbox lives only in memory. Partial files:
/// social graph, engagements, in-network.
/// </summary>
[GrainType("user")]
public sealed partial class UserGrain(
    [PersistentState("user")] IPersistentState<UserRecord> state,
    [PersistentState("tweepcred")] IPersistentState<UserTweepcredState> tweepcredState,
    AggregateSpecs aggregates,
    IOptions<UserOptions> userOptions,
    IOptions<FanoutOptions> fanoutOptions) : EngagementApplyingGrain, IUserGrain
{
    private Inbox? _inbox;

    protected override LogStream Stream => LogStream.User;

    protected override ReplayCursor Cursor => state.State.Cursor;

    protected override bool IsCreated => state.State.Profile is not null;

    private long Id => GrainId.GetIntegerKey();

    private DateTimeOffset Now => TimeProvider.GetUtcNow();

    private UserOptions Limits => userOptions.Value;

    public override Task OnActivateAsync(CancellationToken cancellationToken) => ReplayAsync();

    public async Task<UserView> Upsert(UserProfile profile)
    {
        if (profile.Id != Id)
        {
            throw new ValidationException("id", $"must be this user's id {Id}");
        }

        var problems = UserProfileValidator.Validate(profile, Now, IngestionOptions.MaxClockSkew);
        if (problems.Count > 0)
        {
            throw new ValidationException(problems[0].Field, problems[0].Problem);
        }

        state.State.Profile = profile with { SignupTime = profile.SignupTime.ToUniversalTime() };
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IUserIndexGrain>(UserIndex.ShardOf(Id)).Add([Id]); // batch jobs find users there
        return await GetProfile();
    }

    public async Task<UserView> GetProfile()
    {
        var profile = RequireCreated("id");
        var followers = await GrainFactory.GetGrain<IFollowersGrain>(Id).GetCount();
        var activity = state.State.Activity;
        return new UserView(profile.Id, profile.Handle, profile.Language, profile.Country, profile.SignupTime, profile.Verified,
            profile.Subscriber, profile.Suspended, followers, state.State.Social.Follows.Count, activity.PostCount, CurrentState(profile))
        {
            Tweepcred = Tweepcred,
        };
    }

    public Task<bool> Exists() => Task.FromResult(IsCreated);

    public Task<string> Inspect() => Task.FromResult(JsonSerializer.Serialize(new
    {
        exists = IsCreated,
        state = IsCreated ? CurrentState(state.State.Profile!) : (UserState?)null,
        appliedThrough = Cursor.AppliedThrough,
        appliedRuns = Cursor.PendingCount,
        asActor = state.State.Activity.AsActor.Read(aggregates.Actor, Now),
        asAuthor = state.State.Activity.AsAuthor.Read(aggregates.Author, Now),
        inbox = new { rebuilt = _inbox?.IsRebuilt ?? false, count = _inbox?.Count ?? 0, newest = _inbox?.Since(DateTimeOffset.MinValue).Take(20).ToArray() ?? [] },
    }, InspectJson.Options));

    protected override Task WriteStateAsync()
    {
        var now = Now;
        state.State.Activity.AsActor.Compact(aggregates.Actor, now);
        state.State.Activity.AsAuthor.Compact(aggregates.Author, now);
        RealGraph.InteractionRecorder.Compact(state.State.RealGraph, now, RealGraphSettings);
        return state.WriteStateAsync();
    }

    private UserProfile RequireCreated(string field) =>
        state.State.Profile ?? throw new UnknownEntityException(EntityKind.User, Id, field);

    private UserState CurrentState(UserProfile profile)
    {
        var calendar = state.State.Activity.Calendar;
        var now = Now;
        return UserStateClassifier.Classify(profile.SignupTime, now,
            calendar.ActiveDays(now, UserStateClassifier.WindowDays), calendar.PostedDays(now, UserStateClassifier.WindowDays));
    }
}
