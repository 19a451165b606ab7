using System.Text.Json.Serialization;

namespace Recsys.Grains.Interfaces.Engagements;

/// <summary>
/// One engagement as a client reports it. <see cref="Id"/> (up to 64 characters) makes it idempotent: an id seen
/// within the dedup window (7 days) is accepted once and never counted twice. Post actions name
/// <see cref="PostId"/>, user actions <see cref="TargetUserId"/>; <see cref="Value"/> carries dwell milliseconds
/// or a watched fraction where the action has one.
/// </summary>
[JsonConverter(typeof(EngagementEventJsonConverter))]
public sealed record EngagementEvent(
    string Id,
    long UserId,
    EngagementAction Action,
    long? PostId,
    long? TargetUserId,
    DateTimeOffset Time,
    double? Value = null);
