using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Timeline.SideEffects;

/// <summary>
/// Records the served posts and the request time in the timeline's state (the served history the previously-served
/// filter reads when paging past a kept list, algorithm.md 1.4; the last request time the backfill gate reads, 1.2).
/// </summary>
public sealed class RecordServedSideEffect : ISideEffect
{
    public static readonly RecordServedSideEffect Instance = new();

    public SideEffectId Id { get; } = new("RecordServed");

    public void Run(ServedPage page) =>
        page.State.RecordServed(page.Items.Select(i => i.PostId), page.Query.Now, page.Params.ServedHistory);
}
