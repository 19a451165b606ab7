using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Recsys.Grains.Ingestion.Log;
using Recsys.Grains.Interfaces.Engagements;
using Recsys.Silo.Tests.Support;

namespace Recsys.Silo.Tests;

[Trait("Category", "Functional")]
[Trait("Area", "Api")]
public sealed class ApiExceptionHandlerTests
{
    [Fact]
    public async Task A_failure_inside_the_silo_is_a_500_problem_without_exception_details()
    {
        await using var host = await ApiHost.StartAsync(builder => builder.Services.AddSingleton<IEngagementLog>(new UnavailableLog()));
        var fan = await host.CreateUserAsync();

        var response = await host.PostAsync("/api/engagements", new { events = new[] { new { id = "x", userId = fan, action = "login", time = TestApi.Now(-1) } } });
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("traceId", body);
        Assert.DoesNotContain("database is down", body);
        Assert.DoesNotContain("   at ", body);
        Assert.DoesNotContain("Exception", body);
    }

    private sealed class UnavailableLog : IEngagementLog
    {
        public Task<long[]> AppendAsync(IReadOnlyList<PendingEngagement> events, DateTimeOffset acceptedAt, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("database is down");

        public Task<IReadOnlyList<LoggedEngagement>> ReadAsync(LogStream stream, long key, long afterSequence, int max, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<LoggedEngagement>>([]);

        public Task<IReadOnlyList<LoggedEngagement>> ReadAllAsync(long afterSequence, int max, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<LoggedEngagement>>([]);

        public Task RecordCheckpointAsync(LogStream stream, long key, long appliedThrough, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<IReadOnlyList<GrainCheckpointLag>> FindLaggingAsync(DateTimeOffset acceptedBefore, int max, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<GrainCheckpointLag>>([]);

        public Task<int> PruneAsync(DateTimeOffset acceptedBefore, CancellationToken cancellationToken = default) => Task.FromResult(0);
    }
}
