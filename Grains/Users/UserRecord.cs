using Recsys.Grains.Ingestion;
using Recsys.Grains.Interfaces.SimClusters;
using Recsys.Grains.Interfaces.Users;

namespace Recsys.Grains.Users;

/// <summary>A user's stored state: profile (null until created), social graph, activity, its event-log cursor, SimClusters.</summary>
public sealed class UserRecord
{
    public UserProfile? Profile { get; set; }

    public SocialGraph Social { get; set; } = new();

    public UserActivity Activity { get; set; } = new();

    public ReplayCursor Cursor { get; set; } = new();

    /// <summary>Interactions toward other accounts, RealGraph's input (issue 6).</summary>
    public RealGraph.RealGraphState RealGraph { get; set; } = new();

    /// <summary>What the last SimClusters run computed for this user; null before the first.</summary>
    public UserSimClusters? SimClusters { get; set; }
}
