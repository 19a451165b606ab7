using Microsoft.Extensions.Options;

namespace Recsys.Grains.SimClusters;

/// <summary>Checks that counts are positive, thresholds are in range and durations are usable.</summary>
public sealed class SimClustersOptionsValidator : IValidateOptions<SimClustersOptions>
{
    public ValidateOptionsResult Validate(string? name, SimClustersOptions options)
    {
        var failures = new List<string>();
        void Positive(int value, string property)
        {
            if (value <= 0)
            {
                failures.Add($"SimClusters: {property} must be positive, was {value}.");
            }
        }

        void InUnitRange(double value, string property)
        {
            if (!(value >= 0 && value < 1))
            {
                failures.Add($"SimClusters: {property} must be in [0, 1), was {value}.");
            }
        }

        Positive(options.MinFollowers, nameof(options.MinFollowers));
        Positive(options.MaxNeighbors, nameof(options.MaxNeighbors));
        Positive(options.MaxFollowingsSampledPerConsumer, nameof(options.MaxFollowingsSampledPerConsumer));
        Positive(options.ProducersPerCommunity, nameof(options.ProducersPerCommunity));
        Positive(options.Epochs, nameof(options.Epochs));
        Positive(options.SocialProofThreshold, nameof(options.SocialProofThreshold));
        Positive(options.MaxClustersPerUser, nameof(options.MaxClustersPerUser));
        Positive(options.MinFollowersForProducerEmbedding, nameof(options.MinFollowersForProducerEmbedding));
        Positive(options.MaxClustersPerProducer, nameof(options.MaxClustersPerProducer));
        Positive(options.MaxClustersPerPost, nameof(options.MaxClustersPerPost));
        Positive(options.TopPostsPerCommunity, nameof(options.TopPostsPerCommunity));
        if (options.Communities is { } k)
        {
            Positive(k, nameof(options.Communities));
        }

        if (!(options.WtCoeff > 0) || !double.IsFinite(options.WtCoeff))
        {
            failures.Add($"SimClusters: WtCoeff must be positive and finite, was {options.WtCoeff}.");
        }

        if (!(options.MaxNeighborShare > 0 && options.MaxNeighborShare <= 1))
        {
            failures.Add($"SimClusters: MaxNeighborShare must be in (0, 1], was {options.MaxNeighborShare}.");
        }

        Positive(options.InterestedInCacheCapacity, nameof(options.InterestedInCacheCapacity));
        if (!(options.MinProducerShare >= 0 && options.MinProducerShare <= 1))
        {
            failures.Add($"SimClusters: MinProducerShare must be in [0, 1], was {options.MinProducerShare}.");
        }

        if (options.RunEvery < TimeSpan.FromMinutes(1))
        {
            failures.Add($"SimClusters: RunEvery must be at least 1 minute (the shortest reminder period), was {options.RunEvery}.");
        }

        if (options.InterestedInCacheTtl < TimeSpan.Zero || options.TopPostsCheckpointInterval <= TimeSpan.Zero)
        {
            failures.Add("SimClusters: InterestedInCacheTtl must not be negative and TopPostsCheckpointInterval must be positive.");
        }

        InUnitRange(options.MinProducerClusterCosine, nameof(options.MinProducerClusterCosine));
        InUnitRange(options.MinPostClusterScore, nameof(options.MinPostClusterScore));
        InUnitRange(options.MinCommunityPostScore, nameof(options.MinCommunityPostScore));
        if (options.TweetHalfLife <= TimeSpan.Zero)
        {
            failures.Add($"SimClusters: TweetHalfLife must be positive, was {options.TweetHalfLife}.");
        }

        if (options.MaxTweetAge <= TimeSpan.Zero)
        {
            failures.Add($"SimClusters: MaxTweetAge must be positive, was {options.MaxTweetAge}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
