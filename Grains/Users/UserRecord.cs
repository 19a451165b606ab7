using Recsys.Grains.Ingestion;
using Recsys.Grains.Interfaces.Users;

namespace Recsys.Grains.Users;

/// <summary>A user's stored state: profile (null until created), social graph, activity, and its event-log cursor.</summary>
public sealed class UserRecord
{
    public UserProfile? Profile { get; set; }

    public SocialGraph Social { get; set; } = new();

    public UserActivity Activity { get; set; } = new();

    public ReplayCursor Cursor { get; set; } = new();
}
