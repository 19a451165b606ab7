using Microsoft.Extensions.DependencyInjection;
using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Interfaces.Posts;
using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Tests.Support;
using Recsys.Runtime.Filters;
using Xunit.Abstractions;

namespace Recsys.Grains.Tests.Ingestion;

/// <summary>Hot keys: engagements reach a post (and its author) through coalescing batchers, not one call each.</summary>
[Trait("Category", "Functional")]
[Trait("Area", "Ingestion")]
public sealed class EngagementBatcherGrainTests(ITestOutputHelper output)
{
    private const int Likes = 10_000;

    [Fact]
    public async Task Ten_thousand_likes_on_one_post_cause_at_most_a_hundred_calls_to_it_and_to_its_author()
    {
        await using var cluster = await DomainSilo.StartAsync(configure: silo => silo.AddIncomingGrainCallFilter<CallCounter>());
        var counter = cluster.Services.GetServices<IIncomingGrainCallFilter>().OfType<CallCounter>().Single();
        var entities = new Entities(cluster.GrainFactory, DomainSilo.Start);
        var author = await entities.UserAsync();
        var post = await entities.PostAsync(author);
        var fans = await entities.UsersAsync(Likes);
        counter.Watch(post, author, expectedDeliveries: Likes);

        // Each like is its own request; the first delivery to the post and to the author is held until every like
        // has been handed to a batcher, as when the post is busy: everything else must coalesce behind it.
        var ingest = cluster.GrainFactory.GetGrain<IEngagementIngestGrain>(0);
        var requests = fans.Select(fan => ingest.Ingest([Entities.Event(fan, EngagementAction.Like, post, DomainSilo.Start.AddMinutes(-1))])).ToArray();
        await counter.AllDelivered.WaitAsync(TimeSpan.FromSeconds(60));
        counter.Release();
        var results = await Task.WhenAll(requests);

        Assert.Equal(Likes, results.Sum(r => r.Accepted));
        Assert.Equal(Likes, (await cluster.GrainFactory.GetGrain<IPostGrain>(post).GetView()).Engagements.Total(EngagementAction.Like));
        Assert.Equal(Likes, (await cluster.GrainFactory.GetGrain<IUserGrain>(author).GetActivity()).AsAuthor.Total(EngagementAction.Like));
        output.WriteLine($"{Likes} likes: {counter.PostCalls} calls to the post, {counter.AuthorCalls} to its author");
        Assert.InRange(counter.PostCalls, 1, 100);
        Assert.InRange(counter.AuthorCalls, 1, 100);
    }

    /// <summary>Counts ApplyEngagements calls to one post and its author, and can hold the first of each.</summary>
    private sealed class CallCounter : IIncomingGrainCallFilter
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _allDelivered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private string? _post;
        private string? _author;
        private int _expectedDeliveries;
        private int _postCalls;
        private int _authorCalls;
        private int _deliveries;

        public int PostCalls => Volatile.Read(ref _postCalls);

        public int AuthorCalls => Volatile.Read(ref _authorCalls);

        public Task AllDelivered => _allDelivered.Task;

        public void Watch(long post, long author, int expectedDeliveries) =>
            (_post, _author, _expectedDeliveries) = (post.ToString(), author.ToString(), expectedDeliveries);

        public void Release() => _release.TrySetResult();

        public async Task Invoke(IIncomingGrainCallContext context)
        {
            if (context.InterfaceType == typeof(IEngagementBatcherGrain) && context.TargetId.Key == "0" && _post is not null)
            {
                var running = context.Invoke(); // Deliver hands its events to the coalescer before it first awaits
                if (Interlocked.Increment(ref _deliveries) == _expectedDeliveries)
                {
                    _allDelivered.TrySetResult();
                }

                await running;
                return;
            }

            if (context.MethodName == nameof(IPostGrain.ApplyEngagements) && context.TargetId.Key == _post && context.InterfaceType == typeof(IPostGrain)
                && Interlocked.Increment(ref _postCalls) == 1)
            {
                await _release.Task;
            }

            if (context.MethodName == nameof(IUserGrain.ApplyEngagements) && context.TargetId.Key == _author && context.InterfaceType == typeof(IUserGrain)
                && Interlocked.Increment(ref _authorCalls) == 1)
            {
                await _release.Task;
            }

            await context.Invoke();
        }
    }
}
