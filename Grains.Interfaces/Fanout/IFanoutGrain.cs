using Recsys.Grains.Interfaces.Users;
using Recsys.Runtime;

namespace Recsys.Grains.Interfaces.Fanout;

/// <summary>
/// Writes a new post into the inbox of each of its author's followers (a stateless worker; use key 0). Authors
/// with more followers than FanoutOptions.PullThreshold are skipped: their followers pull at read time.
/// </summary>
public interface IFanoutGrain : IGrainWithIntegerKey
{
    Task<FanoutResult> Fanout(InboxEntry post);
}

/// <summary>How many inboxes received the post, or that it was left to be pulled.</summary>
public sealed record FanoutResult(int Delivered, bool Pulled);
