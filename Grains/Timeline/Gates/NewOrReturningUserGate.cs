using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Timeline.Gates;

/// <summary>
/// Opens for new and returning viewers: a user state of New or NearZero (no activity in 28 days), or no request in the last
/// <see cref="ForYouParams.ReturningUserGap"/> (home-mixer's MinTimeSinceLastRequestGate, 24 h, algorithm.md 1.2).
/// </summary>
public sealed class NewOrReturningUserGate : IGate
{
    public static readonly NewOrReturningUserGate Instance = new();

    public GateId Id { get; } = new("NewOrReturningUser");

    public bool ShouldRun(TimelineQuery query) =>
        query.Viewer.State is UserState.New or UserState.NearZero
        || query.LastRequestAt is not { } last
        || query.Now - last >= query.Params.ReturningUserGap;
}
