using Recsys.Grains.Interfaces.Users;

namespace Recsys.Silo.Api.Contracts;

/// <summary>POST /api/users: creates or replaces a user. id, handle and language are required; signupTime defaults to now.</summary>
public sealed record UserRequest(
    long? Id,
    string? Handle,
    string? Language,
    string? Country,
    DateTimeOffset? SignupTime,
    bool? Verified,
    bool? Subscriber,
    bool? Suspended,
    bool? Restricted,
    bool? HasDevice,
    ClientPlatform? Client,
    SensitiveMediaSetting? SensitiveMediaSetting)
{
    public IReadOnlyList<(string Field, string Problem)> Missing() =>
    [
        .. Id is null ? [("id", "is required")] : Array.Empty<(string, string)>(),
        .. Handle is null ? [("handle", "is required")] : Array.Empty<(string, string)>(),
        .. Language is null ? [("language", "is required")] : Array.Empty<(string, string)>(),
    ];

    public UserProfile ToProfile(DateTimeOffset now) => new(
        Id!.Value, Handle!, Language!, Country, SignupTime ?? now, Verified ?? false, Subscriber ?? false, Suspended ?? false,
        Restricted ?? false, HasDevice ?? true, Client ?? ClientPlatform.Unknown, SensitiveMediaSetting ?? Grains.Interfaces.Users.SensitiveMediaSetting.Warn);
}
