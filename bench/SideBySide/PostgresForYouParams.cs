using Recsys.Grains.Timeline;

namespace Recsys.Bench.SideBySide;

/// <summary>
/// The PostgreSQL-only For You's knobs. Every value the grains' pipeline also has is taken from
/// <see cref="ForYouParams"/> (whose Default* constants cite algorithm.md), so both systems rank with the same
/// published numbers; the rest are ours and say why.
/// </summary>
public sealed class PostgresForYouParams
{
    /// <summary>In-network candidates (algorithm.md 1.1: Earlybird asked for 600).</summary>
    public int InNetworkMaxCandidates { get; init; } = ForYouParams.DefaultInNetworkMaxCandidates;

    /// <summary>Social-graph candidates: 500, as the issue-9 benchmark configures the grains (UTEG was asked for 800).</summary>
    public int SocialGraphMaxCandidates { get; init; } = 500;

    /// <summary>Popular candidates per request (the grains' popular source keeps 40).</summary>
    public int PopularMaxCandidates { get; init; } = ForYouParams.DefaultPopularMaxCandidates;

    /// <summary>Length of the materialised popular list; ours: enough that blocked or own posts can be skipped.</summary>
    public int PopularListLength { get; init; } = 200;

    /// <summary>How often the popular list is refreshed: the grains cache theirs per silo for this long.</summary>
    public TimeSpan PopularRefreshInterval { get; init; } = ForYouParams.DefaultPopularCacheTtl;

    /// <summary>Both sources' window (algorithm.md 1.1: 24 h).</summary>
    public TimeSpan Window { get; init; } = ForYouParams.DefaultInNetworkWindow;

    /// <summary>
    /// Pseudo-impressions added to each post's impression count when a head's rate is estimated from counters
    /// (count / (impressions + this)); ours: a post seen a handful of times does not get a rate of 1.
    /// </summary>
    public double RateSmoothingImpressions { get; init; } = 10;

    public double WeightFav { get; init; } = ForYouParams.DefaultWeightFav;

    public double WeightRepost { get; init; } = ForYouParams.DefaultWeightRepost;

    public double WeightReply { get; init; } = ForYouParams.DefaultWeightReply;

    public double WeightGoodProfileClick { get; init; } = ForYouParams.DefaultWeightGoodProfileClick;

    public double WeightVideoPlayback50 { get; init; } = ForYouParams.DefaultWeightVideoPlayback50;

    /// <summary>The good-click term uses max(v1, v2); SQL has one click rate, so the v1 weight carries it.</summary>
    public double WeightGoodClick { get; init; } = ForYouParams.DefaultWeightGoodClick;

    public double WeightNegativeFeedback { get; init; } = ForYouParams.DefaultWeightNegativeFeedback;

    public double WeightReport { get; init; } = ForYouParams.DefaultWeightReport;

    /// <summary>
    /// Sum of the positive weights and of the negative ones' magnitudes over all ten heads, for the published
    /// normalisation (algorithm.md 1.5), including the heads SQL cannot estimate (reply engaged by author, good click v2).
    /// </summary>
    public double PositiveWeights => WeightFav + WeightRepost + WeightReply + WeightGoodProfileClick + WeightVideoPlayback50
        + ForYouParams.DefaultWeightReplyEngagedByAuthor + WeightGoodClick + ForYouParams.DefaultWeightGoodClickV2;

    public double NegativeWeights => -(WeightNegativeFeedback + WeightReport);

    public double ReplyScale { get; init; } = ForYouParams.DefaultReplyScale;

    public double VerifiedInNetworkScale { get; init; } = ForYouParams.DefaultVerifiedInNetworkScale;

    public double VerifiedOutOfNetworkScale { get; init; } = ForYouParams.DefaultVerifiedOutOfNetworkScale;

    public double OutOfNetworkScale { get; init; } = ForYouParams.DefaultOutOfNetworkScale;

    public double AuthorDiversityDecay { get; init; } = ForYouParams.DefaultAuthorDiversityDecay;

    public double AuthorDiversityFloor { get; init; } = ForYouParams.DefaultAuthorDiversityFloor;

    public double AgeDecayHalfLifeMinutes { get; init; } = ForYouParams.DefaultAgeDecayHalfLifeMinutes;

    public double AgeDecaySlope { get; init; } = ForYouParams.DefaultAgeDecaySlope;

    public double AgeDecayFloor { get; init; } = ForYouParams.DefaultAgeDecayFloor;

    /// <summary>Page size (algorithm.md 1.8: 35).</summary>
    public int PageSize { get; init; } = 35;
}
