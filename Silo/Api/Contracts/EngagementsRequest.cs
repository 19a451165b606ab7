using Recsys.Grains.Interfaces.Engagements;

namespace Recsys.Silo.Api.Contracts;

/// <summary>POST /api/engagements: up to 10,000 events.</summary>
public sealed record EngagementsRequest(IReadOnlyList<EngagementItem>? Events);

/// <summary>
/// One event as sent. The action and time are read as strings so that an unknown action or a bad time rejects
/// only this event (in the 200 answer's "rejected" list), not the request.
/// </summary>
public sealed record EngagementItem(string? Id, long? UserId, string? Action, long? PostId, long? TargetUserId, string? Time, double? Value)
{
    /// <summary>The event, or the field at fault.</summary>
    public (EngagementEvent? Event, string? Field, string? Problem) ToEvent()
    {
        if (Id is null)
        {
            return (null, "id", "is required");
        }

        if (UserId is null)
        {
            return (null, "userId", "is required");
        }

        if (!EngagementActionNames.TryParse(Action, out var action))
        {
            return (null, "action", Action is null ? "is required" : $"unknown action '{Action}'; known: {string.Join(", ", EngagementActionNames.All)}");
        }

        if (!ApiTime.TryParse(Time, out var time))
        {
            return (null, "time", Time is null ? "is required" : "must be an ISO-8601 time such as 2026-03-02T12:00:00Z");
        }

        return (new EngagementEvent(Id, UserId.Value, action, PostId, TargetUserId, time, Value), null, null);
    }
}

/// <summary>The answer: events newly accepted, events whose id was already accepted (not counted again), and the rejected ones.</summary>
public sealed record EngagementsResponse(int Accepted, int Duplicates, IReadOnlyList<RejectedItem> Rejected);

/// <summary>A rejected event: its index in "events", the field at fault, and why.</summary>
public sealed record RejectedItem(int Index, string Field, string Error);
