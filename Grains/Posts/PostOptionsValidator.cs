using Microsoft.Extensions.Options;

namespace Recsys.Grains.Posts;

public sealed class PostOptionsValidator : IValidateOptions<PostOptions>
{
    public ValidateOptionsResult Validate(string? name, PostOptions options) =>
        options.MaxTextLength > 0 && options.MaxLinks >= 0 && options.MaxHashtags >= 0 && options.MaxMentions >= 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("PostOptions: MaxTextLength must be positive and the other limits not negative.");
}
