using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Recsys.Grains.Admin;
using Recsys.Grains.Interfaces.SimClusters;
using Recsys.Runtime;
using Recsys.Runtime.Catalog;
using Recsys.Runtime.Storage;
using Recsys.Runtime.Timers;

namespace Recsys.Grains.SimClusters;

/// <summary>
/// One community: its KnownFor producers (written by the SimClusters job) and its top posts by decayed score, kept in a
/// <see cref="CommunityTopPosts"/> (1,600, 8 h half-life, as published). Posts' scores arrive in batches from the post
/// batcher; the top posts are written <see cref="SimClustersOptions.TopPostsCheckpointInterval"/> after the first
/// unsaved change and on deactivation, so a crash loses at most that much of this soft index.
/// </summary>
[GrainType("simcluster")]
public sealed partial class SimClusterGrain(
    [PersistentState("community")] IPersistentState<SimClusterState> state,
    IOptions<SimClustersOptions> options,
    ILogger<SimClusterGrain> logger) : Grain, ISimClusterGrain
{
    private const int InspectedEntries = 20;

    private CommunityTopPosts _top = null!;
    private IGrainTimer? _checkpointTimer;
    private bool _dirty;

    private int CommunityId => (int)GrainId.GetIntegerKey();

    private DateTimeOffset Now => TimeProvider.GetUtcNow();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var at = state.State.TopPostsAt ?? Now;
        _top = CommunityTopPosts.Create(options.Value, state.State.TopPosts.Select(p => new TopPost(p.PostId, p.Score, at)));
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_dirty)
        {
            await TryWriteTopPostsAsync();
        }
    }

    public async Task SetKnownFor(CommunityKnownFor knownFor)
    {
        if (knownFor.ModelVersion < state.State.ModelVersion)
        {
            return; // a late write from an older run
        }

        state.State.ModelVersion = knownFor.ModelVersion;
        state.State.ComputedAt = knownFor.ComputedAt;
        state.State.KnownFor = [.. knownFor.Producers];
        await WriteAsync();
    }

    public Task UpdatePosts(IReadOnlyList<PostScoreUpdate> updates)
    {
        foreach (var update in updates)
        {
            _top.Update(update.PostId, update.Score, update.At);
        }

        if (updates.Count > 0 && !_dirty)
        {
            _dirty = true;
            var interval = options.Value.TopPostsCheckpointInterval;
            _checkpointTimer ??= RegisterGrainTimer(_ => TryWriteTopPostsAsync(), interval, interval);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ScoredPost>> GetTopPosts(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return Task.FromResult<IReadOnlyList<ScoredPost>>(_top.Top(count, Now).Select(p => new ScoredPost(p.PostId, p.Score)).ToArray());
    }

    public Task<CommunityView> GetView() =>
        Task.FromResult(new CommunityView(CommunityId, state.State.ModelVersion, state.State.ComputedAt, state.State.KnownFor.ToArray(), _top.Count));

    public Task<string> Inspect() => Task.FromResult(JsonSerializer.Serialize(new
    {
        communityId = CommunityId,
        modelVersion = state.State.ModelVersion,
        computedAt = state.State.ComputedAt,
        knownForCount = state.State.KnownFor.Count,
        knownFor = state.State.KnownFor.Take(InspectedEntries),
        topPostCount = _top.Count,
        topPosts = _top.Top(InspectedEntries, Now).Select(p => new ScoredPost(p.PostId, p.Score)),
        unsavedTopPosts = _dirty,
    }, InspectJson.Options));

    private async Task WriteAsync()
    {
        var now = Now;
        state.State.TopPostsAt = now;
        state.State.TopPosts = _top.Snapshot(now).Select(p => new ScoredPost(p.PostId, p.Score)).ToList();
        await state.WriteStateAsync();
        _dirty = false;
        _checkpointTimer?.Dispose();
        _checkpointTimer = null;
    }

    // The timer ticks until a write succeeds (then it is disposed), so a failed write is retried.
    private async Task TryWriteTopPostsAsync()
    {
        try
        {
            await WriteAsync();
        }
        catch (Exception exception)
        {
            Log.TopPostsWriteFailed(logger, exception, CommunityId);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = (int)Logging.DomainEventCode.SimClustersTopPostsWriteFailed, Level = LogLevel.Warning,
            Message = "Community {CommunityId} could not write its top posts; it retries")]
        public static partial void TopPostsWriteFailed(ILogger logger, Exception exception, int communityId);
    }
}
