namespace Recsys.Grains.Interfaces.Engagements;

/// <summary>
/// An engagement as the event log holds it: its global <see cref="Sequence"/> (the order of acceptance) and its
/// <see cref="SubjectId"/>, the user it is about (the post's author, or the target user), null when that is the
/// actor. Grains apply these, and replay them after their checkpoint. <see cref="Predecessors"/> travel only
/// within the silo that logged the event (not stored, not sent).
/// </summary>
public sealed record LoggedEngagement(
    long Sequence,
    string EventId,
    long UserId,
    EngagementAction Action,
    long? PostId,
    long? TargetUserId,
    long? SubjectId,
    DateTimeOffset Time,
    double? Value)
{
    /// <summary>Each receiving grain's previous uncovered event, when the log that appended this one knows it.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public GrainPredecessors Predecessors { get; init; }
}
