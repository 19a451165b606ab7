using Recsys.Grains.Interfaces.Engagements;

namespace Recsys.Grains.Interfaces.Users;

/// <summary>
/// One of a user's recent engagements: what, on which post, about which user, when. A value: a user grain keeps up to
/// a few hundred inline in one list, no object each (issue 6: one more long-lived object per ingested event).
/// </summary>
public readonly record struct RecentEngagement(EngagementAction Action, long? PostId, long? SubjectId, DateTimeOffset Time);
