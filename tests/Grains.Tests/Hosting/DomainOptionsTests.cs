using Microsoft.Extensions.Options;
using Recsys.Grains.Aggregates;
using Recsys.Grains.Fanout;
using Recsys.Grains.Ingestion;
using Recsys.Grains.Ingestion.Log;
using Recsys.Grains.Posts;
using Recsys.Grains.Sample;
using Recsys.Grains.Tests.Support;
using Recsys.Grains.Users;

namespace Recsys.Grains.Tests.Hosting;

[Trait("Category", "BVT")]
[Trait("Area", "Hosting")]
public sealed class DomainOptionsTests
{
    [Fact]
    public void The_defaults_are_valid_and_each_validator_refuses_a_bad_value()
    {
        Assert.True(new AggregateOptionsValidator().Validate(null, new AggregateOptions()).Succeeded);
        Assert.True(new FanoutOptionsValidator().Validate(null, new FanoutOptions()).Succeeded);
        Assert.True(new IngestionOptionsValidator().Validate(null, new IngestionOptions()).Succeeded);
        Assert.True(new UserOptionsValidator().Validate(null, new UserOptions()).Succeeded);
        Assert.True(new PostOptionsValidator().Validate(null, new PostOptions()).Succeeded);
        Assert.True(new SampleOptionsValidator().Validate(null, new SampleOptions()).Succeeded);
        Assert.True(new EngagementLogOptionsValidator().Validate(null, new EngagementLogOptions()).Succeeded);

        Assert.True(new AggregateOptionsValidator().Validate(null, new AggregateOptions { Post = AggregateGroupOptions.Of([], [TimeSpan.FromMinutes(90)], TimeSpan.FromHours(1)) }).Failed);
        Assert.True(new FanoutOptionsValidator().Validate(null, new FanoutOptions { InboxCapacity = 0 }).Failed);
        Assert.True(new IngestionOptionsValidator().Validate(null, new IngestionOptions { MaxEventIdLength = 1_000 }).Failed);
        Assert.True(new UserOptionsValidator().Validate(null, new UserOptions { ImpressionCapacity = 0 }).Failed);
        Assert.True(new PostOptionsValidator().Validate(null, new PostOptions { MaxTextLength = 0 }).Failed);
        Assert.True(new SampleOptionsValidator().Validate(null, new SampleOptions { Communities = 99 }).Failed);
        Assert.True(new EngagementLogOptionsValidator().Validate(null, new EngagementLogOptions { Provider = EngagementLogProvider.Postgres }).Failed);
    }

    [Fact]
    public async Task A_silo_with_invalid_domain_options_does_not_start()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            DomainSilo.StartAsync(configure: silo => silo.Configure<FanoutOptions>(o => o.PullThreshold = -1)));

        Assert.Contains("FanoutOptions", failure.Message);
    }
}
