using Recsys.Grains.Interfaces.Engagements;

namespace Recsys.Grains.Interfaces.Users;

/// <summary>One of a user's recent engagements: what, on which post, about which user, when.</summary>
public sealed record RecentEngagement(EngagementAction Action, long? PostId, long? SubjectId, DateTimeOffset Time);
