using Recsys.Runtime;
using Recsys.Runtime.Concurrency;

namespace Recsys.Grains.Interfaces.SimClusters;

/// <summary>
/// The SimClusters model (key 0): the KnownFor assignment of the last completed run, kept durably so that the next
/// run starts from it (as the published weekly job does), a summary of recent runs, the run in progress, and the
/// schedule: once a run has completed, a durable reminder starts the "simclusters" job every
/// SimClustersOptions.RunEvery (weekly, as published).
/// </summary>
public interface ISimClustersModelGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Claims the model for job <paramref name="jobId"/> and returns the previous assignment (null before the first
    /// run). Throws InvalidOperationException while another run holds it and its job is still running.
    /// </summary>
    Task<KnownForSnapshot?> BeginRun(long jobId);

    /// <summary>Stores the run's assignment (its version must be the previous one plus one), ends the run, schedules the next.</summary>
    Task CommitRun(long jobId, KnownForSnapshot knownFor, SimClustersRunSummary summary);

    /// <summary>Ends a run that failed; the previous assignment stays.</summary>
    Task AbortRun(long jobId, string reason);

    [ReadOnly]
    Task<SimClustersModelView> GetView();

    /// <summary>The stored assignment, or null before the first run.</summary>
    [ReadOnly]
    Task<KnownForSnapshot?> GetKnownFor();

    /// <summary>Registers the re-run reminder if it is missing or its period changed; a host may call this on start.</summary>
    Task EnsureScheduled();
}

/// <summary>
/// A KnownFor assignment in compact form: producer i is known for community Communities[i] (1..ClusterCount) with
/// membership score Scores[i]; producers ascending.
/// </summary>
public sealed record KnownForSnapshot(
    int ModelVersion,
    DateTimeOffset ComputedAt,
    int ClusterCount,
    IReadOnlyList<long> Producers,
    IReadOnlyList<int> Communities,
    IReadOnlyList<float> Scores);

/// <summary>What one run did: its inputs, KnownFor, InterestedIn and producer embeddings, and how long it took.</summary>
public sealed record SimClustersRunSummary(
    long JobId,
    int ModelVersion,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    bool WarmStart,
    int Users,
    int FollowEdges,
    int LikeEdges,
    int MinFollowers,
    int ClusteredProducers,
    int Communities,
    int NonEmptyCommunities,
    int UsersWithInterestedIn,
    int ProducersWithEmbedding,
    double ElapsedSeconds);

/// <summary>The model grain's state for the admin: current version, the run in progress, recent runs, the schedule.</summary>
public sealed record SimClustersModelView(
    int ModelVersion,
    DateTimeOffset? ComputedAt,
    int ClusterCount,
    int ClusteredProducers,
    long? RunningJobId,
    IReadOnlyList<SimClustersRunSummary> RecentRuns,
    TimeSpan? RunEvery);
