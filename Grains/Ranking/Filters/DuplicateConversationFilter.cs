using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Ranking.Filters;

/// <summary>
/// Conversation dedup: drops a candidate that another candidate replies to, so a conversation shows once, at its
/// latest reply (DuplicateConversationTweetsFilter, algorithm.md 1.7; ancestors known here are direct parents).
/// </summary>
public sealed class DuplicateConversationFilter : IFilter
{
    public static readonly DuplicateConversationFilter Instance = new();

    public FilterId Id { get; } = new("DuplicateConversation");

    public FilterResult Apply(RankingQuery query, IReadOnlyList<Candidate> candidates)
    {
        var ancestors = new HashSet<long>();
        foreach (var candidate in candidates)
        {
            if (candidate.ParentId is { } parent)
            {
                ancestors.Add(parent);
            }
        }

        return ancestors.Count == 0 ? new FilterResult(candidates, []) : FilterResult.Partition(candidates, c => !ancestors.Contains(c.PostId));
    }
}
