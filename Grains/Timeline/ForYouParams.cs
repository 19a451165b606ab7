using System.Text;
using Recsys.Grains.Ranking.Models;
using Recsys.Grains.Timeline.Params;

namespace Recsys.Grains.Timeline;

/// <summary>
/// Every knob of the For You product, in one place: typed, each with a Default* constant citing where the value
/// comes from (algorithm.md section numbers; "ours" where nothing is published), and bounds that
/// <see cref="ForYouParamsValidator"/> enforces at start. Bound from the "ForYou" configuration section; the param
/// name a log or switch uses is "for_you_" plus the property in snake case (<see cref="NameOf"/>).
/// </summary>
public sealed class ForYouParams
{
    // ---- candidate sources (algorithm.md 1.2) ----

    /// <summary>The default value for <see cref="InNetworkMaxCandidates"/>: the in-network pipeline fetches 600 (1.2).</summary>
    public const int DefaultInNetworkMaxCandidates = 600;

    /// <summary>The default value for <see cref="InNetworkWindow"/>: 24 h (1.2).</summary>
    public static readonly TimeSpan DefaultInNetworkWindow = TimeSpan.FromHours(24);

    /// <summary>The default value for <see cref="InNetworkLightUserWindow"/>: 48 h for light and new user states (1.2).</summary>
    public static readonly TimeSpan DefaultInNetworkLightUserWindow = TimeSpan.FromHours(48);

    /// <summary>The default value for <see cref="SocialGraphMaxCandidates"/>: UTEG keeps 300 tweets (1.2).</summary>
    public const int DefaultSocialGraphMaxCandidates = 300;

    /// <summary>The default value for <see cref="SocialGraphMaxSeeds"/>: ours, 200 (home sends up to 1,000 RealGraph seeds, 5.2; each seed is a grain call here).</summary>
    public const int DefaultSocialGraphMaxSeeds = 200;

    /// <summary>The default value for <see cref="SocialGraphEdgesPerSeed"/>: GraphJet reads at most 500 recent edges per seed (5.2).</summary>
    public const int DefaultSocialGraphEdgesPerSeed = 500;

    /// <summary>The default value for <see cref="SocialGraphWindow"/>: UTEG's max tweet age, 24 h (5.1).</summary>
    public static readonly TimeSpan DefaultSocialGraphWindow = TimeSpan.FromHours(24);

    /// <summary>The default value for <see cref="SimClustersMaxCandidates"/>: tweet-mixer returns up to 400 (1.2).</summary>
    public const int DefaultSimClustersMaxCandidates = 400;

    /// <summary>The default value for <see cref="SimClustersTopCommunities"/>: ours, 20 (the ANN scans the query's top 50, 4.6).</summary>
    public const int DefaultSimClustersTopCommunities = 20;

    /// <summary>The default value for <see cref="SimClustersPostsPerCommunity"/>: ours, 100 (the ANN reads 400 per community, 4.6).</summary>
    public const int DefaultSimClustersPostsPerCommunity = 100;

    /// <summary>The default value for <see cref="PopularMaxCandidates"/>: the popular-videos pipeline keeps 40 (1.2).</summary>
    public const int DefaultPopularMaxCandidates = 40;

    /// <summary>The default value for <see cref="PopularCommunities"/>: ours, the first 50 communities' top posts make the popular list.</summary>
    public const int DefaultPopularCommunities = 50;

    /// <summary>The default value for <see cref="PopularCacheTtl"/>: ours, the popular list is the same for everyone, so each silo keeps it a minute.</summary>
    public static readonly TimeSpan DefaultPopularCacheTtl = TimeSpan.FromMinutes(1);

    /// <summary>The default value for <see cref="ReturningUserGap"/>: backfill runs when the last request is over 24 h old (MinTimeSinceLastRequestGate, 1.2).</summary>
    public static readonly TimeSpan DefaultReturningUserGap = TimeSpan.FromHours(24);

    /// <summary>The default value for <see cref="EnableFollowRecommendationSource"/>: off until who-to-follow exists.</summary>
    public const bool DefaultEnableFollowRecommendationSource = false;

    /// <summary>The default value for <see cref="FollowRecommendationMaxCandidates"/>: the FRS pipeline keeps 100 (1.2).</summary>
    public const int DefaultFollowRecommendationMaxCandidates = 100;

    /// <summary>The default value for <see cref="FollowRecommendationMaxAccounts"/>: home asks FRS for at most 100 seed users (1.2).</summary>
    public const int DefaultFollowRecommendationMaxAccounts = 100;

    /// <summary>The default value for <see cref="SourceTimeout"/>: ours, 1 s (Earlybird's search timeout is 200 ms, 1.2; a 2-core box under load needs more).</summary>
    public static readonly TimeSpan DefaultSourceTimeout = TimeSpan.FromSeconds(1);

    // ---- filters, scoring budget, hydration ----

    /// <summary>The default value for <see cref="FatigueWindow"/>: "see less often" removes for 14 days (1.4).</summary>
    public static readonly TimeSpan DefaultFatigueWindow = TimeSpan.FromDays(14);

    /// <summary>The default value for <see cref="MaxTweetsToScore"/>: 500 per source after light ranking (1.3).</summary>
    public const int DefaultMaxTweetsToScore = 500;

    /// <summary>The default value for <see cref="HydrationBatchSize"/>: Navi's prediction batch of 64 (1.5).</summary>
    public const int DefaultHydrationBatchSize = 64;

    /// <summary>The default value for <see cref="HydrationBatchesInFlight"/>: ours, 16 batches (1,024 calls) at once.</summary>
    public const int DefaultHydrationBatchesInFlight = 16;

    /// <summary>The default value for <see cref="HydrationCacheTtl"/>: ours, 5 s (home-mixer hydrates from caches and stores; counts a few seconds old rank the same).</summary>
    public static readonly TimeSpan DefaultHydrationCacheTtl = TimeSpan.FromSeconds(5);

    /// <summary>The default value for <see cref="HydrationCacheEntries"/>: ours, 200,000 entries per cache (about 100 MB of post facts).</summary>
    public const int DefaultHydrationCacheEntries = 200_000;

    /// <summary>
    /// The default value for <see cref="MaxConcurrentRuns"/>: ours, 2 per core. A warm run is CPU-bound; more in flight
    /// only keeps more candidates alive across collections (measured on 2 cores: 8 runs 342 requests/s, p99 426 ms;
    /// 4 runs 370/s, 199 ms; 2 runs 383/s, 133 ms). The waiters are served in order, which keeps a busy silo's
    /// requests first come, first served (<see cref="ForYouPipeline.PageAsync"/>).
    /// </summary>
    public static readonly int DefaultMaxConcurrentRuns = 2 * Environment.ProcessorCount;

    // ---- heavy-ranker weights (1.5, README of 2023-04-05; bounds are the FS bounds) ----

    public const double DefaultWeightFav = 0.5;
    public const double DefaultWeightRepost = 1.0;
    public const double DefaultWeightReply = 13.5;
    public const double DefaultWeightGoodProfileClick = 12.0;
    public const double DefaultWeightVideoPlayback50 = 0.005;
    public const double DefaultWeightReplyEngagedByAuthor = 75.0;
    public const double DefaultWeightGoodClick = 11.0;
    public const double DefaultWeightGoodClickV2 = 10.0;
    public const double DefaultWeightNegativeFeedback = -74.0;
    public const double DefaultWeightReport = -369.0;

    // ---- heuristics (1.6, 1.9) ----

    /// <summary>The default value for <see cref="ReplyScale"/>: RescoreReplies 0.75 (1.6).</summary>
    public const double DefaultReplyScale = 0.75;

    /// <summary>The default value for <see cref="VerifiedInNetworkScale"/>: 4.0 (1.6).</summary>
    public const double DefaultVerifiedInNetworkScale = 4.0;

    /// <summary>The default value for <see cref="VerifiedOutOfNetworkScale"/>: 2.0 (1.6).</summary>
    public const double DefaultVerifiedOutOfNetworkScale = 2.0;

    /// <summary>The default value for <see cref="AuthorDiversityDecay"/>: 0.5 (1.6).</summary>
    public const double DefaultAuthorDiversityDecay = 0.5;

    /// <summary>The default value for <see cref="AuthorDiversityFloor"/>: 0.25 (1.6).</summary>
    public const double DefaultAuthorDiversityFloor = 0.25;

    /// <summary>The default value for <see cref="OutOfNetworkScale"/>: 0.75 (OONTweetScalingScorer of March 2023, and the 2026 successor, 1.6 and 10).</summary>
    public const double DefaultOutOfNetworkScale = 0.75;

    /// <summary>The default value for <see cref="AgeDecayHalfLifeMinutes"/>: 360, the search default (1.9).</summary>
    public const double DefaultAgeDecayHalfLifeMinutes = 360;

    /// <summary>The default value for <see cref="AgeDecaySlope"/>: 0.003, the search default (1.9).</summary>
    public const double DefaultAgeDecaySlope = 0.003;

    /// <summary>The default value for <see cref="AgeDecayFloor"/>: 0.6, the search default base (1.9).</summary>
    public const double DefaultAgeDecayFloor = 0.6;

    /// <summary>The default value for <see cref="AntiGamingMaxTweepcred"/>: maxTweepcredForAntiGaming 65 (1.9).</summary>
    public const int DefaultAntiGamingMaxTweepcred = 65;

    /// <summary>The default value for <see cref="AntiGamingMaxPerAuthor"/>: maxHitsPerUser 3 (1.9).</summary>
    public const int DefaultAntiGamingMaxPerAuthor = 3;

    // ---- selection and paging (1.8, 1.1) ----

    /// <summary>The default value for <see cref="MaxConsecutiveOutOfNetwork"/>: 2 (DebunchCandidates, 1.8).</summary>
    public const int DefaultMaxConsecutiveOutOfNetwork = 2;

    /// <summary>The default value for <see cref="MaxInNetworkResults"/>: scored_tweets_max_in_network_results 60 (1.7).</summary>
    public const int DefaultMaxInNetworkResults = 60;

    /// <summary>The default value for <see cref="MaxOutOfNetworkResults"/>: scored_tweets_max_out_of_network_results 60 (1.7).</summary>
    public const int DefaultMaxOutOfNetworkResults = 60;

    /// <summary>The default value for <see cref="ServerMaxResults"/>: scored_tweets_server_max_results 120 (1.7).</summary>
    public const int DefaultServerMaxResults = 120;

    /// <summary>The default value for <see cref="MaxPageSize"/>: ours, 100 (the server's own maximum is 120, 1.7).</summary>
    public const int DefaultMaxPageSize = 100;

    /// <summary>The default value for <see cref="RankedListTtl"/>: the scored-tweets cache lives 3 minutes (1.1, 1.2).</summary>
    public static readonly TimeSpan DefaultRankedListTtl = TimeSpan.FromMinutes(3);

    /// <summary>The default value for <see cref="ServedHistory"/>: ours, the last 1,000 served posts are kept per viewer.</summary>
    public const int DefaultServedHistory = 1_000;

    /// <summary>The default value for <see cref="CachedScoredTtl"/>: cached scored tweets live 3 minutes (scored_tweets_cached_scored_tweets_ttl_minutes, 1.2).</summary>
    public static readonly TimeSpan DefaultCachedScoredTtl = TimeSpan.FromMinutes(3);

    /// <summary>The default value for <see cref="CachedScoredMax"/>: the cache keeps the top 1,000 by score (1.1, step 9).</summary>
    public const int DefaultCachedScoredMax = 1_000;

    /// <summary>The default value for <see cref="MinCachedPerSource"/>: a source runs while fewer than 30 of its cached candidates are unseen (MinCachedTweetsGate, 1.3).</summary>
    public const int DefaultMinCachedPerSource = 30;

    /// <summary>In-network posts fetched per request.</summary>
    [ParamBounds(0, 2_000)]
    public int InNetworkMaxCandidates { get; set; } = DefaultInNetworkMaxCandidates;

    /// <summary>How far back in-network posts are fetched.</summary>
    [ParamBounds("00:01:00", "7.00:00:00")]
    public TimeSpan InNetworkWindow { get; set; } = DefaultInNetworkWindow;

    /// <summary>How far back in-network posts are fetched for light, new and near-zero users.</summary>
    [ParamBounds("00:01:00", "7.00:00:00")]
    public TimeSpan InNetworkLightUserWindow { get; set; } = DefaultInNetworkLightUserWindow;

    /// <summary>Posts the social-graph source returns.</summary>
    [ParamBounds(0, 2_000)]
    public int SocialGraphMaxCandidates { get; set; } = DefaultSocialGraphMaxCandidates;

    /// <summary>Followees, by RealGraph score, whose engagements the social-graph source walks.</summary>
    [ParamBounds(0, 1_000)]
    public int SocialGraphMaxSeeds { get; set; } = DefaultSocialGraphMaxSeeds;

    /// <summary>Recent engagements read per followee.</summary>
    [ParamBounds(1, 1_000)]
    public int SocialGraphEdgesPerSeed { get; set; } = DefaultSocialGraphEdgesPerSeed;

    /// <summary>How far back followees' engagements count.</summary>
    [ParamBounds("00:01:00", "7.00:00:00")]
    public TimeSpan SocialGraphWindow { get; set; } = DefaultSocialGraphWindow;

    /// <summary>Posts the SimClusters source returns.</summary>
    [ParamBounds(0, 2_000)]
    public int SimClustersMaxCandidates { get; set; } = DefaultSimClustersMaxCandidates;

    /// <summary>The viewer's strongest InterestedIn communities asked.</summary>
    [ParamBounds(1, 50)]
    public int SimClustersTopCommunities { get; set; } = DefaultSimClustersTopCommunities;

    /// <summary>Top posts read per community.</summary>
    [ParamBounds(1, 1_600)]
    public int SimClustersPostsPerCommunity { get; set; } = DefaultSimClustersPostsPerCommunity;

    /// <summary>Posts the popular source returns.</summary>
    [ParamBounds(0, 500)]
    public int PopularMaxCandidates { get; set; } = DefaultPopularMaxCandidates;

    /// <summary>Communities whose top posts make the popular list.</summary>
    [ParamBounds(1, 1_000)]
    public int PopularCommunities { get; set; } = DefaultPopularCommunities;

    /// <summary>How long a silo keeps the popular list.</summary>
    [ParamBounds("00:00:00", "01:00:00")]
    public TimeSpan PopularCacheTtl { get; set; } = DefaultPopularCacheTtl;

    /// <summary>A viewer whose previous request is older than this counts as returning (popular/backfill runs).</summary>
    [ParamBounds("00:01:00", "30.00:00:00")]
    public TimeSpan ReturningUserGap { get; set; } = DefaultReturningUserGap;

    /// <summary>Whether the follow-recommendation source runs.</summary>
    public bool EnableFollowRecommendationSource { get; set; } = DefaultEnableFollowRecommendationSource;

    /// <summary>Posts the follow-recommendation source returns.</summary>
    [ParamBounds(0, 500)]
    public int FollowRecommendationMaxCandidates { get; set; } = DefaultFollowRecommendationMaxCandidates;

    /// <summary>Recommended accounts whose recent posts are read.</summary>
    [ParamBounds(0, 500)]
    public int FollowRecommendationMaxAccounts { get; set; } = DefaultFollowRecommendationMaxAccounts;

    /// <summary>How long any one source may take before it is skipped (fail-open).</summary>
    [ParamBounds("00:00:00.010", "00:00:30")]
    public TimeSpan SourceTimeout { get; set; } = DefaultSourceTimeout;

    /// <summary>Per-source timeouts by source name ("SimClusters": "00:00:00.200"), overriding <see cref="SourceTimeout"/>; same bounds.</summary>
    public Dictionary<string, TimeSpan> SourceTimeouts { get; set; } = [];

    /// <summary>"See less often" feedback younger than this removes; older only discounts.</summary>
    [ParamBounds("00:00:00", "154.00:00:00")]
    public TimeSpan FatigueWindow { get; set; } = DefaultFatigueWindow;

    /// <summary>Candidates kept per source after light ranking, for hydration and the heavy ranker.</summary>
    [ParamBounds(1, 2_000)]
    public int MaxTweetsToScore { get; set; } = DefaultMaxTweetsToScore;

    /// <summary>Posts (and authors) hydrated per batch.</summary>
    [ParamBounds(1, 1_000)]
    public int HydrationBatchSize { get; set; } = DefaultHydrationBatchSize;

    /// <summary>Hydration batches in flight at once.</summary>
    [ParamBounds(1, 256)]
    public int HydrationBatchesInFlight { get; set; } = DefaultHydrationBatchesInFlight;

    /// <summary>How long a silo keeps viewer-independent hydration answers (post facts, author facts, followees' engagements); 0 turns the caches off.</summary>
    [ParamBounds("00:00:00", "00:10:00")]
    public TimeSpan HydrationCacheTtl { get; set; } = DefaultHydrationCacheTtl;

    /// <summary>Pipeline runs a silo executes at once; further requests wait their turn (a bulkhead). Read at silo start.</summary>
    [ParamBounds(1, 10_000)]
    public int MaxConcurrentRuns { get; set; } = DefaultMaxConcurrentRuns;

    /// <summary>Entries each hydration cache holds at most.</summary>
    [ParamBounds(1_000, 10_000_000)]
    public int HydrationCacheEntries { get; set; } = DefaultHydrationCacheEntries;

    /// <summary>Weight of the fav head.</summary>
    [ParamBounds(0, 100)]
    public double WeightFav { get; set; } = DefaultWeightFav;

    /// <summary>Weight of the repost head.</summary>
    [ParamBounds(0, 100)]
    public double WeightRepost { get; set; } = DefaultWeightRepost;

    /// <summary>Weight of the reply head.</summary>
    [ParamBounds(0, 100)]
    public double WeightReply { get; set; } = DefaultWeightReply;

    /// <summary>Weight of the good-profile-click head.</summary>
    [ParamBounds(0, 1e6)]
    public double WeightGoodProfileClick { get; set; } = DefaultWeightGoodProfileClick;

    /// <summary>Weight of the video-playback-50% head.</summary>
    [ParamBounds(0, 100)]
    public double WeightVideoPlayback50 { get; set; } = DefaultWeightVideoPlayback50;

    /// <summary>Weight of the reply-engaged-by-author head.</summary>
    [ParamBounds(0, 200)]
    public double WeightReplyEngagedByAuthor { get; set; } = DefaultWeightReplyEngagedByAuthor;

    /// <summary>Weight of the good-click term (max of the v1 and v2 probabilities).</summary>
    [ParamBounds(0, 1e6)]
    public double WeightGoodClick { get; set; } = DefaultWeightGoodClick;

    /// <summary>Weight of the good-click v2 head.</summary>
    [ParamBounds(0, 1e6)]
    public double WeightGoodClickV2 { get; set; } = DefaultWeightGoodClickV2;

    /// <summary>Weight of the negative-feedback head (negative).</summary>
    [ParamBounds(-1_000, 0)]
    public double WeightNegativeFeedback { get; set; } = DefaultWeightNegativeFeedback;

    /// <summary>Weight of the report head (negative).</summary>
    [ParamBounds(-20_000, 0)]
    public double WeightReport { get; set; } = DefaultWeightReport;

    /// <summary>Factor on replies.</summary>
    [ParamBounds(0, 10)]
    public double ReplyScale { get; set; } = DefaultReplyScale;

    /// <summary>Factor on followees' original posts when the author is verified or subscribed.</summary>
    [ParamBounds(0, 100)]
    public double VerifiedInNetworkScale { get; set; } = DefaultVerifiedInNetworkScale;

    /// <summary>Factor on out-of-network original posts of verified or subscribed authors.</summary>
    [ParamBounds(0, 100)]
    public double VerifiedOutOfNetworkScale { get; set; } = DefaultVerifiedOutOfNetworkScale;

    /// <summary>Author-diversity decay per further post of one author.</summary>
    [ParamBounds(0, 1)]
    public double AuthorDiversityDecay { get; set; } = DefaultAuthorDiversityDecay;

    /// <summary>The author-diversity factor never goes below this.</summary>
    [ParamBounds(0, 1)]
    public double AuthorDiversityFloor { get; set; } = DefaultAuthorDiversityFloor;

    /// <summary>Factor on out-of-network posts that are not reposts.</summary>
    [ParamBounds(0, 10)]
    public double OutOfNetworkScale { get; set; } = DefaultOutOfNetworkScale;

    /// <summary>Age (minutes) at which the age decay is halfway to its floor.</summary>
    [ParamBounds(1, 10_080)]
    public double AgeDecayHalfLifeMinutes { get; set; } = DefaultAgeDecayHalfLifeMinutes;

    /// <summary>Steepness of the logistic age decay.</summary>
    [ParamBounds(0, 1)]
    public double AgeDecaySlope { get; set; } = DefaultAgeDecaySlope;

    /// <summary>The age-decay factor of a very old post.</summary>
    [ParamBounds(0, 1)]
    public double AgeDecayFloor { get; set; } = DefaultAgeDecayFloor;

    /// <summary>Out-of-network authors at or below this tweepcred (or not scored) are capped.</summary>
    [ParamBounds(0, 100)]
    public int AntiGamingMaxTweepcred { get; set; } = DefaultAntiGamingMaxTweepcred;

    /// <summary>Out-of-network candidates a capped author may contribute.</summary>
    [ParamBounds(1, 1_000)]
    public int AntiGamingMaxPerAuthor { get; set; } = DefaultAntiGamingMaxPerAuthor;

    /// <summary>Out-of-network items allowed in a row while followees' posts remain.</summary>
    [ParamBounds(1, 100)]
    public int MaxConsecutiveOutOfNetwork { get; set; } = DefaultMaxConsecutiveOutOfNetwork;

    /// <summary>In-network candidates kept in a ranked list.</summary>
    [ParamBounds(0, 1_000)]
    public int MaxInNetworkResults { get; set; } = DefaultMaxInNetworkResults;

    /// <summary>Out-of-network candidates kept in a ranked list.</summary>
    [ParamBounds(0, 1_000)]
    public int MaxOutOfNetworkResults { get; set; } = DefaultMaxOutOfNetworkResults;

    /// <summary>Candidates kept in a ranked list in all; paging past them runs the pipeline again without the served posts.</summary>
    [ParamBounds(1, 2_000)]
    public int ServerMaxResults { get; set; } = DefaultServerMaxResults;

    /// <summary>The largest page a request may ask for ("count" above it is a 400).</summary>
    [ParamBounds(1, 1_000)]
    public int MaxPageSize { get; set; } = DefaultMaxPageSize;

    /// <summary>How long a ranked list is kept for cursor paging.</summary>
    [ParamBounds("00:00:00", "01:00:00")]
    public TimeSpan RankedListTtl { get; set; } = DefaultRankedListTtl;

    /// <summary>Served posts remembered per viewer (the previously-served filter of a paging request reads them).</summary>
    [ParamBounds(0, 100_000)]
    public int ServedHistory { get; set; } = DefaultServedHistory;

    /// <summary>How long a scored candidate is reused by later requests of the same viewer, counted from when the heavy ranker scored it.</summary>
    [ParamBounds("00:00:00", "01:00:00")]
    public TimeSpan CachedScoredTtl { get; set; } = DefaultCachedScoredTtl;

    /// <summary>Scored candidates kept per viewer for reuse (the best by final score, only those above 0).</summary>
    [ParamBounds(0, 10_000)]
    public int CachedScoredMax { get; set; } = DefaultCachedScoredMax;

    /// <summary>A candidate source is skipped while at least this many of the candidates it found are cached and unseen.</summary>
    [ParamBounds(1, 10_000)]
    public int MinCachedPerSource { get; set; } = DefaultMinCachedPerSource;

    /// <summary>Kill switches: component scopes ("Filter:MutedWords", "Scorer:AgeDecay", "CandidateSource:Popular") that do not run.</summary>
    public List<string> DisabledComponents { get; set; } = [];

    /// <summary>The heads' weights in <see cref="RankingHead"/> order.</summary>
    public IReadOnlyList<double> HeadWeights =>
    [
        WeightFav, WeightRepost, WeightReply, WeightGoodProfileClick, WeightVideoPlayback50, WeightReplyEngagedByAuthor,
        WeightGoodClick, WeightGoodClickV2, WeightNegativeFeedback, WeightReport,
    ];

    public bool IsEnabled(string scope) => !DisabledComponents.Contains(scope, StringComparer.Ordinal);

    /// <summary>The timeout of one candidate source: its override, else <see cref="SourceTimeout"/>.</summary>
    public TimeSpan TimeoutOf(string source) => SourceTimeouts.TryGetValue(source, out var timeout) ? timeout : SourceTimeout;

    /// <summary>The param name of a property: "for_you_" plus the property name in snake case.</summary>
    public static string NameOf(string property)
    {
        var name = new StringBuilder("for_you_");
        for (var i = 0; i < property.Length; i++)
        {
            if (char.IsUpper(property[i]) && i > 0 && !char.IsDigit(property[i - 1]))
            {
                name.Append('_');
            }

            name.Append(char.ToLowerInvariant(property[i]));
        }

        return name.ToString();
    }
}
