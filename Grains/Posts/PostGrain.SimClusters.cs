using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Interfaces.SimClusters;
using Recsys.Grains.SimClusters;

namespace Recsys.Grains.Posts;

/// <summary>
/// The post's SimClusters embedding, grown online from likes (the published TweetJob, algorithm.md 4.5): each like
/// adds the liker's InterestedIn with an 8 h half-life; likes on posts older than 3 days are ignored. Likers' vectors
/// come from the silo's <see cref="InterestedInCache"/>, fetched for a whole delivery at once before it is applied, so
/// a like costs no call to its liker's User grain once the silo knows the liker. The post's new scores in the
/// communities a delivery touched then go to those SimCluster grains through the coalescing post batcher.
/// </summary>
public sealed partial class PostGrain
{
    private HashSet<int>? _touchedCommunities;

    private SimClustersOptions SimClusters => ServiceProvider.GetRequiredService<IOptions<SimClustersOptions>>().Value;

    private InterestedInCache Interests => ServiceProvider.GetRequiredService<InterestedInCache>();

    public Task<PostEmbeddingView?> GetSimClustersEmbedding() => Task.FromResult(EmbeddingView());

    private async Task ApplyLiveWithEmbeddingAsync(IReadOnlyList<LoggedEngagement> events)
    {
        if (state.State.Info is { } info)
        {
            // Most deliveries hold no like (issue 6: every event reaches a Post grain), so nothing is built or awaited for them.
            var cutoff = info.CreatedAt + SimClusters.MaxTweetAge;
            List<long>? likers = null;
            foreach (var e in events)
            {
                if (e.Action == EngagementAction.Like && e.Time <= cutoff && !Cursor.IsApplied(e.Sequence))
                {
                    (likers ??= []).Add(e.UserId);
                }
            }

            if (likers is not null)
            {
                await Interests.PrefetchAsync(likers);
            }
        }

        await ApplyLiveAsync(events);
        await PublishCommunityScoresAsync();
    }

    /// <summary>Adds a like's liker vector; anything else, or a like the 3-day cutoff excludes, changes nothing.</summary>
    private async ValueTask ApplyToEmbeddingAsync(LoggedEngagement engagement)
    {
        if (engagement.Action != EngagementAction.Like || state.State.Info is not { } info)
        {
            return;
        }

        var options = SimClusters;
        var embedding = state.State.Embedding ?? PostEmbedding.Empty(info.Id, info.CreatedAt);
        if (!PostEmbeddingUpdate.AcceptsLikeAt(embedding, engagement.Time, options))
        {
            return;
        }

        var liker = Interests.TryGet(engagement.UserId, out var cached) ? cached : await Interests.GetAsync(engagement.UserId);
        var updated = PostEmbeddingUpdate.ApplyLike(embedding, liker, engagement.Time, options);
        state.State.Embedding = updated;

        // The liker's communities changed; communities that fell out of the embedding must drop the post.
        foreach (var cluster in liker.Clusters)
        {
            (_touchedCommunities ??= []).Add(cluster);
        }

        foreach (var cluster in embedding.Scores.Clusters)
        {
            if (updated.Scores.ScoreOf(cluster) == 0)
            {
                (_touchedCommunities ??= []).Add(cluster);
            }
        }
    }

    // The lambda's captures live in the method that has them: a closure is made at a method's entry, so one shared with
    // the early return cost every delivery an object (issue 6).
    private Task PublishCommunityScoresAsync() =>
        _touchedCommunities is { Count: > 0 } touched && state.State.Embedding is { } embedding
            ? PublishCommunityScoresAsync(touched, embedding)
            : Task.CompletedTask;

    private async Task PublishCommunityScoresAsync(HashSet<int> touched, PostEmbedding embedding)
    {
        _touchedCommunities = null;
        var postId = GrainId.GetIntegerKey();
        var updates = touched.Order()
            .Select(c => new CommunityPostUpdate(c, postId, embedding.Scores.ScoreOf(c), embedding.ScoresAt))
            .ToArray();
        try
        {
            await GrainFactory.GetGrain<ISimClusterPostBatcherGrain>(0).Update(updates);
        }
        catch (Exception exception)
        {
            // The community index is soft (the published one lives in a cache): later likes send the post's scores again.
            var logger = ServiceProvider.GetRequiredService<ILogger<PostGrain>>();
            SimClustersLog.CommunityUpdateFailed(logger, exception, postId, updates.Length);
        }
    }

    private PostEmbeddingView? EmbeddingView()
    {
        if (state.State.Embedding is not { } embedding)
        {
            return null;
        }

        var now = TimeProvider.GetUtcNow();
        var scores = embedding.ScoresAsOf(now, SimClusters.TweetHalfLife);
        return new PostEmbeddingView(embedding.PostId, embedding.Likes, now, CommunityVectors.ToScores(scores));
    }

    private static partial class SimClustersLog
    {
        [LoggerMessage(EventId = (int)Logging.DomainEventCode.SimClustersCommunityUpdateFailed, Level = LogLevel.Warning,
            Message = "Post {PostId} could not send its scores in {Count} communities; later likes send them again")]
        public static partial void CommunityUpdateFailed(ILogger logger, Exception exception, long postId, int count);
    }
}
