using Recsys.Grains.Interfaces.Posts;
using Recsys.Grains.SimClusters;

namespace Recsys.Grains.Ranking.Candidates;

/// <summary>
/// A post as hydration found it: its facts, the engagements it received (decayed counts), and its SimClusters
/// embedding when one is known (empty otherwise).
/// </summary>
public sealed record PostFacts(PostInfo Info, EngagementCounts Engagements, SparseVector Embedding)
{
    public bool HasLink => Info.LinkCount > 0;

    public bool HasLabel(PostLabel label)
    {
        foreach (var l in Info.Labels)
        {
            if (l == label)
            {
                return true;
            }
        }

        return false;
    }
}
