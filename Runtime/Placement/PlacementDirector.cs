using Recsys.Runtime.Membership;

namespace Recsys.Runtime.Placement;

/// <summary>Chooses the silo for a new activation among the active ones, by the class's strategy.</summary>
internal static class PlacementDirector
{
    public static SiloAddress Place(PlacementStrategy strategy, GrainId grainId, IReadOnlyList<SiloAddress> active, SiloAddress self)
    {
        if (active.Count == 0)
        {
            return self;
        }

        return strategy switch
        {
            PlacementStrategy.HashBased => active[(int)(grainId.GetUniformHashCode() % (uint)active.Count)],
            PlacementStrategy.PreferLocal when active.Contains(self) => self,
            _ => active[Random.Shared.Next(active.Count)],
        };
    }
}
