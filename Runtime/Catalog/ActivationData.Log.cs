using Microsoft.Extensions.Logging;
using Recsys.Runtime.Logging;

namespace Recsys.Runtime.Catalog;

internal sealed partial class ActivationData
{
    private static partial class Log
    {
        [LoggerMessage(EventId = (int)RuntimeEventCode.TurnFailed, Level = LogLevel.Error, Message = "A turn of {GrainId} threw")]
        public static partial void TurnFailed(ILogger logger, Exception exception, GrainId grainId);

        [LoggerMessage(EventId = (int)RuntimeEventCode.ActivationFailed, Level = LogLevel.Warning, Message = "Activation of {GrainId} failed")]
        public static partial void ActivationFailed(ILogger logger, Exception exception, GrainId grainId);

        [LoggerMessage(EventId = (int)RuntimeEventCode.DeactivationFailed, Level = LogLevel.Warning, Message = "Deactivation of {GrainId} ({Reason}) threw")]
        public static partial void DeactivationFailed(ILogger logger, Exception exception, GrainId grainId, string reason);

        [LoggerMessage(EventId = (int)RuntimeEventCode.Deactivated, Level = LogLevel.Debug, Message = "Deactivated {GrainId} ({Reason})")]
        public static partial void Deactivated(ILogger logger, GrainId grainId, string reason);
    }
}
