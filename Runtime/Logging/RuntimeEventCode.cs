namespace Recsys.Runtime.Logging;

/// <summary>Event ids of the runtime's log messages, one range per mechanism.</summary>
internal enum RuntimeEventCode
{
    TurnFailed = 1000,
    ActivationFailed = 1001,
    DeactivationFailed = 1002,
    Deactivated = 1003,
    TimerCallbackFailed = 1100,
    ReminderTickFailed = 1200,
    ReminderRefreshFailed = 1201,
    ResponseTimedOut = 1300,
    IdleCollected = 1400,
    SiloStarted = 1500,
    SiloStopping = 1501,
}
