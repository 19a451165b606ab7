using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Timeline.SideEffects;

/// <summary>
/// A side effect: runs after a page is chosen, in the timeline grain's turn, and never changes the page. One that
/// throws is logged and the page is served anyway.
/// </summary>
public interface ISideEffect
{
    SideEffectId Id { get; }

    void Run(ServedPage page);
}
