using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Interfaces.Posts;
using Recsys.Grains.Interfaces.Users;

namespace Recsys.Grains.Import;

/// <summary>
/// What an import creates, in the order it is loaded: users, posts, follow events, then engagement events (both
/// through the engagement log, with their own times and deterministic ids, so importing a file again changes
/// nothing). <see cref="Shift"/> is what was added to every time (the newest event becomes now); <see cref="Skipped"/>
/// counts input that became nothing (self-interactions, follows over the limit).
/// </summary>
public sealed record ImportPlan(
    string Source,
    IReadOnlyList<UserProfile> Users,
    IReadOnlyList<PostRecord> Posts,
    IReadOnlyList<EngagementEvent> Follows,
    IReadOnlyList<EngagementEvent> Engagements,
    TimeSpan Shift,
    int Skipped)
{
    public int EventCount => Follows.Count + Engagements.Count;
}
