using Microsoft.Extensions.Options;

namespace Recsys.Grains.Sample;

public sealed class SampleOptionsValidator : IValidateOptions<SampleOptions>
{
    public ValidateOptionsResult Validate(string? name, SampleOptions o)
    {
        if (o.Users < 2 || o.Communities < 1 || o.Communities > SampleTopics.All.Count)
        {
            return ValidateOptionsResult.Fail($"SampleOptions: Users must be at least 2 and Communities 1-{SampleTopics.All.Count}.");
        }

        return o.AverageFollows > 0 && o.FollowInsideCommunity is >= 0 and <= 1 && o.PopularityExponent > 0
            && o.AveragePostsPerUser >= 0 && o.AverageViewsPerUser >= 0 && o.History > TimeSpan.Zero
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("SampleOptions: rates must be positive, FollowInsideCommunity within 0..1, History positive.");
    }
}
