using System.Text.Json;
using Microsoft.Extensions.Options;
using Recsys.Grains.Admin;
using Recsys.Grains.Aggregates;
using Recsys.Grains.Ingestion;
using Recsys.Grains.Ingestion.Log;
using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Interfaces.Errors;
using Recsys.Grains.Interfaces.Fanout;
using Recsys.Grains.Interfaces.Posts;
using Recsys.Grains.Interfaces.Users;
using Recsys.Runtime;
using Recsys.Runtime.Storage;

namespace Recsys.Grains.Posts;

/// <summary>
/// One post: its facts, and the rolling aggregates of the engagements it received, applied exactly once from the
/// event log. Creating it records it with its author and fans it out to the author's followers.
/// </summary>
[GrainType("post")]
public sealed partial class PostGrain(
    [PersistentState("post")] IPersistentState<PostState> state,
    AggregateSpecs aggregates,
    IOptions<PostOptions> options) : EngagementApplyingGrain, IPostGrain
{
    protected override LogStream Stream => LogStream.Post;

    protected override ReplayCursor Cursor => state.State.Cursor;

    protected override bool IsCreated => state.State.Info is not null;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await ReplayAsync();
        await PublishCommunityScoresAsync(); // likes replayed from the log reach the communities too
    }

    public async Task<PostInfo> Create(PostRecord post)
    {
        if (post.Id != GrainId.GetIntegerKey())
        {
            throw new ValidationException("id", $"must be this post's id {GrainId.GetIntegerKey()}");
        }

        if (state.State.Info is { } existing)
        {
            if (existing.AuthorId != post.AuthorId)
            {
                throw new ValidationException("id", $"post {post.Id} already exists with another author");
            }

            await PublishAsync(existing); // a retried create finishes what a failed one may have left undone
            return existing;
        }

        var problems = PostRecordValidator.Validate(post, options.Value, TimeProvider.GetUtcNow(), IngestionOptions.MaxClockSkew);
        if (problems.Count > 0)
        {
            throw new ValidationException(problems[0].Field, problems[0].Problem);
        }

        await EnsureReferencesExistAsync(post);
        var info = PostInfoFactory.Create(post);
        state.State.Info = info;
        await state.WriteStateAsync();
        await PublishAsync(info);
        return info;
    }

    public Task<PostInfo?> TryGetInfo() => Task.FromResult(state.State.Info);

    public Task<PostView> GetView()
    {
        var info = state.State.Info ?? throw new UnknownEntityException(EntityKind.Post, GrainId.GetIntegerKey(), "id");
        var engagements = state.State.Engagements.Read(aggregates.Post, TimeProvider.GetUtcNow());
        return Task.FromResult(new PostView(info, engagements, Cursor.AppliedThrough));
    }

    public ValueTask ApplyEngagements(IReadOnlyList<LoggedEngagement> events) => new(ApplyLiveWithEmbeddingAsync(events));

    public Task Checkpoint() => CheckpointAsync();

    public Task<string> Inspect() => Task.FromResult(JsonSerializer.Serialize(new
    {
        exists = IsCreated,
        appliedThrough = Cursor.AppliedThrough,
        appliedRuns = Cursor.PendingCount,
        engagements = state.State.Engagements.Read(aggregates.Post, TimeProvider.GetUtcNow()),
        simClusters = EmbeddingView(),
    }, InspectJson.Options));

    protected override async ValueTask ApplyAsync(LoggedEngagement engagement)
    {
        await ApplyToEmbeddingAsync(engagement); // first: it may call out, and changes nothing if that fails
        state.State.Engagements.Add(aggregates.Post, engagement.Action, engagement.Time);
    }

    protected override Task WriteStateAsync()
    {
        state.State.Engagements.Compact(aggregates.Post, TimeProvider.GetUtcNow());
        return state.WriteStateAsync();
    }

    private async Task EnsureReferencesExistAsync(PostRecord post)
    {
        if (!await GrainFactory.GetGrain<IUserGrain>(post.AuthorId).Exists())
        {
            throw new UnknownEntityException(EntityKind.User, post.AuthorId, "authorId");
        }

        foreach (var (field, parent) in new[] { ("replyToId", post.ReplyToId), ("quoteOfId", post.QuoteOfId), ("repostOfId", post.RepostOfId) })
        {
            if (parent is { } id && await GrainFactory.GetGrain<IPostGrain>(id).TryGetInfo() is null)
            {
                throw new UnknownEntityException(EntityKind.Post, id, field);
            }
        }
    }

    private async Task PublishAsync(PostInfo info)
    {
        var entry = PostInfoFactory.ToInboxEntry(info);
        await GrainFactory.GetGrain<IUserGrain>(info.AuthorId).RecordPost(entry);
        await GrainFactory.GetGrain<IFanoutGrain>(0).Fanout(entry);
    }
}
