namespace Recsys.Grains.Logging;

/// <summary>Event ids of the domain's log messages (the runtime's start at 1000; these at 5000, after issue 5).</summary>
public enum DomainEventCode
{
    CheckpointFailed = 5001,
    CheckpointRecordFailed = 5002,
    DeliveryFailed = 5003,
    ReplayedOnActivation = 5004,
    FanoutFailed = 5005,
    InboxRebuildFailed = 5006,
    JobFailed = 5007,
    JobSucceeded = 5008,
    JobScheduleFailed = 5012,
    SampleLoaded = 5009,
    SampleSkipped = 5010,
    LogPruned = 5011,

    // SimClusters (issue 8): 5200–5219
    SimClustersCommunityUpdateFailed = 5200,
    SimClustersRunCompleted = 5201,
    SimClustersScheduledRunStarted = 5202,
    SimClustersScheduledRunSkipped = 5203,
    SimClustersTopPostsWriteFailed = 5204,
    SimClustersRunAborted = 5205,

    // Tweepcred (issue 7): 5300–5319
    TweepcredRunSucceeded = 5300,
    TweepcredRunFailed = 5301,
    TweepcredScheduledRunStarted = 5302,
    TweepcredScheduledRunSkipped = 5303,
    TweepcredScheduleFailed = 5304,

    // issue 6: models, imports, bulk loading (5600-5699)
    ModelsRefreshed = 5601,
    ModelPollFailed = 5602,
    BulkLoadExported = 5603,

    // issue 9: the For You timeline (5900-5919)
    TimelineSourceFailed = 5900,
    TimelineSourceTimedOut = 5901,
    TimelineSlowRequest = 5902,
    TimelineSideEffectFailed = 5903,

    // issue 10: served-item log and training (6000-6019)
    ServedLogWriteFailed = 6000,
    ServedLogDropped = 6001,
    TrainingFinished = 6002,
    TrainingScheduledRunStarted = 6003,
    TrainingScheduleFailed = 6004,
}
