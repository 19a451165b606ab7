namespace Recsys.Runtime.Catalog;

/// <summary>A moment's view of one activation, for diagnostics, the admin view and tests.</summary>
public sealed record ActivationSnapshot(GrainId GrainId, long ActivationId, string State, int RunningRequests, int WaitingRequests, int Timers);
