using Recsys.Grains.Aggregates;
using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Interfaces.Users;

namespace Recsys.Grains.Users;

/// <summary>Folds one logged engagement, or one of the user's own posts, into a <see cref="UserActivity"/>.</summary>
public static class ActivityRecorder
{
    /// <summary>The user made the engagement.</summary>
    public static void RecordAsActor(UserActivity activity, LoggedEngagement e, AggregateSpecs specs, UserOptions options)
    {
        activity.AsActor.Add(specs.Actor, e.Action, e.Time);
        if (e.SubjectId is { } subject)
        {
            activity.Authors.Add(specs.Pair, subject, e.Action, e.Time, specs.MaxPairAuthors);
        }

        activity.Calendar.MarkActive(e.Time);
        switch (e.Action)
        {
            case EngagementAction.Impression when e.PostId is { } post:
                activity.Impressions.Add(post, e.Time, options.ImpressionCapacity, options.ImpressionRetention);
                return; // impressions have their own log; recent engagements keep the rarer signals
            case EngagementAction.NotInterested when e.SubjectId is { } author:
                activity.Fatigue.Add(author, e.Time, options.MaxFatigueAuthors, options.FatigueRetention);
                break;
            case EngagementAction.Login:
                activity.Logins.Add(e.Time.UtcTicks, options.LoginCapacity);
                break;
        }

        activity.RecentEngagements.Add(new RecentEngagement(e.Action, e.PostId, e.SubjectId ?? e.TargetUserId, e.Time), options.RecentEngagementCapacity);
    }

    /// <summary>The engagement was about the user: on one of their posts, or on them.</summary>
    public static void RecordAsSubject(UserActivity activity, LoggedEngagement e, AggregateSpecs specs) =>
        activity.AsAuthor.Add(specs.Author, e.Action, e.Time);

    /// <summary>Returns false when the post was recorded already.</summary>
    public static bool RecordPost(UserActivity activity, InboxEntry post, UserOptions options)
    {
        if (activity.RecentPosts.Any(p => p.PostId == post.PostId))
        {
            return false;
        }

        var index = activity.RecentPosts.FindLastIndex(p => p.CreatedAt <= post.CreatedAt) + 1;
        activity.RecentPosts.Insert(index, post);
        if (activity.RecentPosts.Count > options.RecentPostCapacity)
        {
            activity.RecentPosts.RemoveAt(0);
        }

        activity.PostCount++;
        activity.Calendar.MarkPosted(post.CreatedAt);
        return true;
    }
}
