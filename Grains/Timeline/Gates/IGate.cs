using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Timeline.Gates;

/// <summary>A gate: decides, per request, whether the component behind it runs.</summary>
public interface IGate
{
    GateId Id { get; }

    bool ShouldRun(TimelineQuery query);
}
