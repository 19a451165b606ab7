using Recsys.Grains.Interfaces.Engagements;

namespace Recsys.Grains.Ingestion;

/// <summary>
/// Checks one event's own fields (not whether its user and post exist): the first problem as (field, problem), or
/// null. Times must be ISO-8601 instants no later than now plus the allowed clock skew.
/// </summary>
public static class EngagementValidator
{
    /// <summary>Times before this are treated as missing (X was launched in 2006).</summary>
    public static readonly DateTimeOffset Earliest = new(2006, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static (string Field, string Problem)? Validate(EngagementEvent e, IngestionOptions options, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(e.Id) || e.Id.Length > options.MaxEventIdLength)
        {
            return ("id", $"must be 1-{options.MaxEventIdLength} characters");
        }

        if (e.UserId <= 0)
        {
            return ("userId", "must be a positive id");
        }

        if (!Enum.IsDefined(e.Action))
        {
            return ("action", "is not a known action");
        }

        if (TargetProblem(e) is { } target)
        {
            return target;
        }

        if (e.Time < Earliest)
        {
            return ("time", "is required (an ISO-8601 UTC time)");
        }

        if (e.Time > now + options.MaxClockSkew)
        {
            return ("time", "must not be in the future");
        }

        return e.Value is { } value && (!double.IsFinite(value) || value < 0) ? ("value", "must be a finite number, not negative") : null;
    }

    private static (string Field, string Problem)? TargetProblem(EngagementEvent e)
    {
        if (e.PostId is <= 0)
        {
            return ("postId", "must be a positive id");
        }

        if (e.TargetUserId is <= 0)
        {
            return ("targetUserId", "must be a positive id");
        }

        var action = e.Action.Name();
        return EngagementActionRules.TargetOf(e.Action) switch
        {
            EngagementTargetRule.Post when e.PostId is null => ("postId", $"is required for '{action}'"),
            EngagementTargetRule.Post when e.TargetUserId is not null => ("targetUserId", $"is not allowed for '{action}' (the post names its author)"),
            EngagementTargetRule.User when e.TargetUserId is null => ("targetUserId", $"is required for '{action}'"),
            EngagementTargetRule.User when e.TargetUserId == e.UserId => ("targetUserId", "must be another user"),
            EngagementTargetRule.PostOrUser when e.PostId is null && e.TargetUserId is null => ("postId", $"postId or targetUserId is required for '{action}'"),
            EngagementTargetRule.None when e.Action == EngagementAction.Login && (e.PostId is not null || e.TargetUserId is not null) =>
                ("postId", "a login names no post or user"),
            _ => null,
        };
    }
}
