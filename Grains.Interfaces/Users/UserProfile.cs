namespace Recsys.Grains.Interfaces.Users;

/// <summary>
/// What a client sets about a user (POST /api/users upserts it). <see cref="Handle"/> is 1-15 letters, digits or
/// underscores (X's handle rule); <see cref="Language"/> an ISO 639-1 code; <see cref="Country"/> ISO 3166-1
/// alpha-2 or null.
/// </summary>
public sealed record UserProfile(
    long Id,
    string Handle,
    string Language,
    string? Country,
    DateTimeOffset SignupTime,
    bool Verified = false,
    bool Subscriber = false,
    bool Suspended = false,
    bool Restricted = false,
    bool HasDevice = true,
    ClientPlatform Client = ClientPlatform.Unknown,
    SensitiveMediaSetting SensitiveMediaSetting = SensitiveMediaSetting.Warn);

/// <summary>The client a user mostly uses.</summary>
public enum ClientPlatform
{
    Unknown,
    Web,
    Ios,
    Android,
}

/// <summary>What the viewer wants done with media labelled sensitive: drop it, show it behind a warning, or show it.</summary>
public enum SensitiveMediaSetting
{
    Warn,
    Show,
    Hide,
}
