using Microsoft.Extensions.Options;

namespace Recsys.Grains.Fanout;

public sealed class FanoutOptionsValidator : IValidateOptions<FanoutOptions>
{
    public ValidateOptionsResult Validate(string? name, FanoutOptions o) =>
        o.PullThreshold >= 0 && o.InboxCapacity > 0 && o.RebuildWindow > TimeSpan.Zero && o.PostsPerFolloweeOnRebuild > 0 && o.MaxParallelCalls > 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("FanoutOptions: PullThreshold must not be negative; the other values must be positive.");
}
