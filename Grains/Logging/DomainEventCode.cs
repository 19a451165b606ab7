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
    SampleLoaded = 5009,
    SampleSkipped = 5010,
    LogPruned = 5011,
}
