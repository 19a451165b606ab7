using System.Numerics;

namespace Recsys.Grains.RealGraph;

/// <summary>
/// The feature vector of one edge on a given day, in <see cref="Names"/> order: first the features of the published
/// BigQuery-ML model (num_days, num_tweets, num_follows, num_favorites, num_tweet_clicks, num_profile_views,
/// days_since_last_interaction, label_types), then the other edge features of the aggregation job that we observe.
/// Counts are the 0.955-decayed sums (the job's ewma), where BQML reads raw 30-day counts; a count is 0 once it is
/// older than the TTL or below 0.955^TTL (EdgeFeatureCombiner's drop rule). num_tweets (the destination's posts in
/// the last 3 days) needs a call per edge and is not hydrated yet: it is always 0.
/// </summary>
public static class RealGraphFeatures
{
    public const int NumDays = 0;
    public const int NumTweets = 1;
    public const int DaysSinceLastInteraction = 2;
    public const int LabelTypes = 3;

    /// <summary>The interaction types of the features after the first four, in order.</summary>
    public static readonly InteractionType[] CountTypes =
    [
        InteractionType.Follows, InteractionType.Favorites, InteractionType.TweetClicks, InteractionType.ProfileViews,
        InteractionType.Retweets, InteractionType.Replies, InteractionType.Quotes, InteractionType.Mentions,
        InteractionType.Shares, InteractionType.DwellSeconds, InteractionType.InspectedStatuses, InteractionType.PushOpens,
        InteractionType.Unfollows, InteractionType.Mutes, InteractionType.Blocks, InteractionType.Reports,
    ];

    public static readonly IReadOnlyList<string> Names =
    [
        "num_days", "num_tweets", "days_since_last_interaction", "label_types",
        "num_follows", "num_favorites", "num_tweet_clicks", "num_profile_views",
        "num_retweets", "num_replies", "num_quotes", "num_mentions",
        "num_shares", "total_dwell_time", "num_inspected_statuses", "num_push_opens",
        "num_unfollows", "num_mutes", "num_blocks", "num_reports",
    ];

    private const int FirstCount = 4;

    /// <summary>Fills <paramref name="values"/> (length <see cref="Names"/>.Count) for an edge, or for a bare follow edge when null.</summary>
    public static void Compute(InteractionEdge? edge, int today, RealGraphOptions options, Span<double> values)
    {
        values.Clear();
        values[DaysSinceLastInteraction] = options.WindowDays;
        if (edge is not { } e)
        {
            return;
        }

        values[NumDays] = ActiveDaysInWindow(e, today, options);
        values[DaysSinceLastInteraction] = Math.Clamp(today - e.LastDay, 0, options.WindowDays);
        var types = 0;
        for (var i = 0; i < CountTypes.Length; i++)
        {
            if (e.TryGetCount(CountTypes[i], out var count) && Decayed(e.Day, count, today, options) is var value and > 0)
            {
                values[FirstCount + i] = value;
                types++;
            }
        }

        values[LabelTypes] = types;
    }

    /// <summary>A count of an edge whose reference day is <paramref name="edgeDay"/>, decayed to <paramref name="today"/>, or 0 when the drop rule says it no longer counts.</summary>
    public static double Decayed(int edgeDay, InteractionCount count, int today, RealGraphOptions options)
    {
        if (today - count.LastDay > options.FeatureTtlDays)
        {
            return 0;
        }

        var value = count.Ewma * Math.Pow(options.DecayPerDay, Math.Max(0, today - edgeDay));
        return value < Math.Pow(options.DecayPerDay, options.FeatureTtlDays) ? 0 : value;
    }

    /// <summary>Distinct days with an interaction among the last <see cref="RealGraphOptions.WindowDays"/> (today included).</summary>
    public static int ActiveDaysInWindow(in InteractionEdge edge, int today, RealGraphOptions options)
    {
        var age = today - edge.Day;
        if (age >= 32)
        {
            return 0;
        }

        var bits = age >= 0 ? edge.ActiveDays << age : edge.ActiveDays >> -age;
        var window = options.WindowDays >= 32 ? uint.MaxValue : (1u << options.WindowDays) - 1;
        return BitOperations.PopCount(bits & window);
    }

    /// <summary>The sum of every count decayed to <paramref name="today"/> (how strong an edge is, for eviction).</summary>
    public static double DecayedTotal(in InteractionEdge edge, int today, RealGraphOptions options)
    {
        var total = 0.0;
        for (var i = 0; i < edge.TypeCount; i++)
        {
            total += Decayed(edge.Day, edge.CountAt(i), today, options);
        }

        return total;
    }
}
