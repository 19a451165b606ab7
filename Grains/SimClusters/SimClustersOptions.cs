namespace Recsys.Grains.SimClusters;

/// <summary>
/// Knobs of the SimClusters jobs and of the online post embeddings. Published values come from
/// ../shared/reference/algorithm.md section 4 (twitter/the-algorithm, simclusters_v2); the rest make the batch jobs
/// fit one small machine and are marked as ours.
/// </summary>
/// <remarks>
/// <see cref="Communities"/> wins over <see cref="ProducersPerCommunity"/>. <see cref="MinFollowersForProducerEmbedding"/>
/// is independent of <see cref="MinFollowers"/>: a producer may get an embedding without being clustered.
/// </remarks>
public sealed class SimClustersOptions
{
    /// <summary>The default for <see cref="MinFollowers"/>: minActiveFollowers of UpdateKnownFor20M145K2020.</summary>
    public const int DefaultMinFollowers = 400;

    /// <summary>
    /// The default for <see cref="MinProducerShare"/> (ours: Twitter clusters 20M of roughly a billion accounts, 2%, but a
    /// fixed 400 followers leaves no producer in a graph of thousands; on the sample, a quarter clusters with NMI ≈ 0.96–1).
    /// </summary>
    public const double DefaultMinProducerShare = 0.25;

    /// <summary>The default for <see cref="RunEvery"/>, in days: the KnownFor and InterestedIn jobs run weekly.</summary>
    public const double DefaultRunEveryDays = 7;

    /// <summary>The default for <see cref="InterestedInCacheTtl"/>, in minutes (ours: InterestedIn changes once a run).</summary>
    public const double DefaultInterestedInCacheTtlMinutes = 60;

    /// <summary>The default for <see cref="InterestedInCacheCapacity"/> (ours: at most 50 entries per user, about 40 MB).</summary>
    public const int DefaultInterestedInCacheCapacity = 100_000;

    /// <summary>The default for <see cref="TopPostsCheckpointInterval"/>, in seconds (ours, as the engagement checkpoint).</summary>
    public const double DefaultTopPostsCheckpointIntervalSeconds = 60;

    /// <summary>The default for <see cref="MaxNeighbors"/>: maxNeighbors of the KnownFor job.</summary>
    public const int DefaultMaxNeighbors = 400;

    /// <summary>
    /// The default for <see cref="MaxNeighborShare"/> (ours: the published 400 neighbours of 20M producers is 0.002%;
    /// planted graphs of 300–2,000 producers cluster well up to a fifth and collapse into one community from a third).
    /// </summary>
    public const double DefaultMaxNeighborShare = 0.2;

    /// <summary>The default for <see cref="MaxFollowingsSampledPerConsumer"/> (ours, issue 8: bounds the pair count).</summary>
    public const int DefaultMaxFollowingsSampledPerConsumer = 200;

    /// <summary>The default for <see cref="SquareWeights"/>: the KnownFor runner's squareWeightsEnable path.</summary>
    public const bool DefaultSquareWeights = true;

    /// <summary>The default for <see cref="ProducersPerCommunity"/> (ours: 20M producers / 145k communities ≈ 138 is too coarse for small graphs).</summary>
    public const int DefaultProducersPerCommunity = 20;

    /// <summary>The default for <see cref="Epochs"/>: maxEpochsForClustering default of the KnownFor job.</summary>
    public const int DefaultEpochs = 3;

    /// <summary>The default for <see cref="WtCoeff"/>: wtCoeff of the KnownFor job.</summary>
    public const double DefaultWtCoeff = 10.0;

    /// <summary>The default for <see cref="Seed"/>: the KnownFor runner seeds its RNG with 1.</summary>
    public const int DefaultSeed = 1;

    /// <summary>The default for <see cref="SocialProofThreshold"/>: socialProofThreshold of InterestedInFromKnownFor.</summary>
    public const int DefaultSocialProofThreshold = 2;

    /// <summary>The default for <see cref="MaxClustersPerUser"/>: maxClustersPerUser of InterestedInFromKnownFor.</summary>
    public const int DefaultMaxClustersPerUser = 50;

    /// <summary>The default for <see cref="MinFollowersForProducerEmbedding"/>: ProducerEmbeddingsFromInterestedIn.</summary>
    public const int DefaultMinFollowersForProducerEmbedding = 100;

    /// <summary>The default for <see cref="MaxClustersPerProducer"/>: ProducerEmbeddingsFromInterestedIn.</summary>
    public const int DefaultMaxClustersPerProducer = 60;

    /// <summary>The default for <see cref="MinProducerClusterCosine"/>: ProducerEmbeddingsFromInterestedIn.</summary>
    public const double DefaultMinProducerClusterCosine = 0.01;

    /// <summary>The default for <see cref="TweetHalfLife"/>, in hours: favClusterNormalized8HrHalfLifeScore (TweetJob).</summary>
    public const double DefaultTweetHalfLifeHours = 8;

    /// <summary>The default for <see cref="MaxTweetAge"/>, in days: TweetJob ignores favs on older tweets.</summary>
    public const double DefaultMaxTweetAgeDays = 3;

    /// <summary>The default for <see cref="MaxClustersPerPost"/>: top 50 clusters per entity (summingbird Configs).</summary>
    public const int DefaultMaxClustersPerPost = 50;

    /// <summary>The default for <see cref="MinPostClusterScore"/>: tweet→clusters store threshold (summingbird Configs).</summary>
    public const float DefaultMinPostClusterScore = 0.02f;

    /// <summary>The default for <see cref="TopPostsPerCommunity"/>: top 1600 tweets per cluster (summingbird Configs).</summary>
    public const int DefaultTopPostsPerCommunity = 1600;

    /// <summary>The default for <see cref="MinCommunityPostScore"/>: cluster→tweets store threshold (summingbird Configs).</summary>
    public const double DefaultMinCommunityPostScore = 0.001;

    /// <summary>Followers a producer needs to be clustered into KnownFor; lower it for small graphs.</summary>
    public int MinFollowers { get; set; } = DefaultMinFollowers;

    /// <summary>
    /// The SimClusters job lowers <see cref="MinFollowers"/> when fewer than this share of the users with followers reach
    /// it: to the follower count that this share of them reach (never below 2), so that a small graph has producers to
    /// cluster. A minFollowers job argument is taken as given.
    /// </summary>
    public double MinProducerShare { get; set; } = DefaultMinProducerShare;

    /// <summary>How often the SimClusters job re-runs once it has completed a run (a durable reminder; at least 1 minute).</summary>
    public TimeSpan RunEvery { get; set; } = TimeSpan.FromDays(DefaultRunEveryDays);

    /// <summary>How long a silo keeps a liker's InterestedIn for post embeddings before asking its User grain again.</summary>
    public TimeSpan InterestedInCacheTtl { get; set; } = TimeSpan.FromMinutes(DefaultInterestedInCacheTtlMinutes);

    /// <summary>Likers' InterestedIn vectors a silo keeps; when more arrive the cache is emptied and refilled.</summary>
    public int InterestedInCacheCapacity { get; set; } = DefaultInterestedInCacheCapacity;

    /// <summary>A SimCluster grain writes its top posts this long after the first unsaved update (and on deactivation).</summary>
    public TimeSpan TopPostsCheckpointInterval { get; set; } = TimeSpan.FromSeconds(DefaultTopPostsCheckpointIntervalSeconds);

    /// <summary>Most similar producers kept per producer in the similarity graph, before it is made symmetric.</summary>
    public int MaxNeighbors { get; set; } = DefaultMaxNeighbors;

    /// <summary>
    /// Caps <see cref="MaxNeighbors"/> at this share of the clustered producers. On a small graph a top-400 list covers
    /// almost everyone, so nearly every co-member is a neighbour, KnownFor's non-neighbour penalty vanishes and one
    /// giant community wins; the cap keeps the similarity graph sparse, as it is at Twitter's scale.
    /// </summary>
    public double MaxNeighborShare { get; set; } = DefaultMaxNeighborShare;

    /// <summary>Followings of one consumer that count towards co-follow similarity; more are sampled down, seeded.</summary>
    public int MaxFollowingsSampledPerConsumer { get; set; } = DefaultMaxFollowingsSampledPerConsumer;

    /// <summary>Whether a similarity edge weighs cos² × 10 (true) or cos (false) in the KnownFor objective.</summary>
    public bool SquareWeights { get; set; } = DefaultSquareWeights;

    /// <summary>An explicit number of communities k; null derives it from <see cref="ProducersPerCommunity"/>.</summary>
    public int? Communities { get; set; }

    /// <summary>With no explicit <see cref="Communities"/>, k = ⌈clustered producers / this⌉ (or the previous k if larger).</summary>
    public int ProducersPerCommunity { get; set; } = DefaultProducersPerCommunity;

    /// <summary>Metropolis–Hastings sweeps over all producers.</summary>
    public int Epochs { get; set; } = DefaultEpochs;

    /// <summary>Weight of similarity edges inside a community against the unit penalty per non-neighbour member.</summary>
    public double WtCoeff { get; set; } = DefaultWtCoeff;

    /// <summary>Seed of every random choice (sampling, initial seeds, visit order, acceptance); same seed, same result.</summary>
    public int Seed { get; set; } = DefaultSeed;

    /// <summary>Distinct followed or liked producers a user needs in a community for it to enter their InterestedIn.</summary>
    public int SocialProofThreshold { get; set; } = DefaultSocialProofThreshold;

    /// <summary>Communities kept per user InterestedIn vector.</summary>
    public int MaxClustersPerUser { get; set; } = DefaultMaxClustersPerUser;

    /// <summary>Followers a producer needs to get a producer embedding from its followers' InterestedIn.</summary>
    public int MinFollowersForProducerEmbedding { get; set; } = DefaultMinFollowersForProducerEmbedding;

    /// <summary>Communities kept per producer embedding.</summary>
    public int MaxClustersPerProducer { get; set; } = DefaultMaxClustersPerProducer;

    /// <summary>Producer-to-community cosines below this are dropped from producer embeddings.</summary>
    public double MinProducerClusterCosine { get; set; } = DefaultMinProducerClusterCosine;

    /// <summary>Half-life of a like's contribution to a post embedding and to a community's top posts.</summary>
    public TimeSpan TweetHalfLife { get; set; } = TimeSpan.FromHours(DefaultTweetHalfLifeHours);

    /// <summary>Likes arriving when the post is older than this are ignored.</summary>
    public TimeSpan MaxTweetAge { get; set; } = TimeSpan.FromDays(DefaultMaxTweetAgeDays);

    /// <summary>Communities kept per post embedding, by decayed score.</summary>
    public int MaxClustersPerPost { get; set; } = DefaultMaxClustersPerPost;

    /// <summary>Post embedding entries whose decayed score falls below this are dropped on update.</summary>
    public float MinPostClusterScore { get; set; } = DefaultMinPostClusterScore;

    /// <summary>Posts kept per community, by decayed score.</summary>
    public int TopPostsPerCommunity { get; set; } = DefaultTopPostsPerCommunity;

    /// <summary>Posts whose decayed score in a community falls below this are dropped from its top posts.</summary>
    public double MinCommunityPostScore { get; set; } = DefaultMinCommunityPostScore;

    /// <summary>A copy, for a run that overrides some knobs.</summary>
    public SimClustersOptions Clone() => (SimClustersOptions)MemberwiseClone();
}
