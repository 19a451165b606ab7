using Microsoft.Extensions.Logging;
using Recsys.Grains.Logging;
using Recsys.Runtime;

namespace Recsys.Grains.Ingestion;

public abstract partial class EngagementApplyingGrain
{
    private static partial class LogMessages
    {
        [LoggerMessage(EventId = (int)DomainEventCode.ReplayedOnActivation, Level = LogLevel.Debug, Message = "{GrainId} replayed {Count} logged engagements; applied through {Sequence}")]
        public static partial void Replayed(ILogger logger, GrainId grainId, int count, long sequence);

        [LoggerMessage(EventId = (int)DomainEventCode.CheckpointFailed, Level = LogLevel.Warning, Message = "{GrainId} could not checkpoint; the log keeps its events")]
        public static partial void CheckpointFailed(ILogger logger, Exception exception, GrainId grainId);

        [LoggerMessage(EventId = (int)DomainEventCode.CheckpointRecordFailed, Level = LogLevel.Warning, Message = "{GrainId} wrote its checkpoint but could not record it in the log (pruning waits)")]
        public static partial void CheckpointRecordFailed(ILogger logger, Exception exception, GrainId grainId);
    }
}
