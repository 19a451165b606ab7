using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Ranking.Filters;

/// <summary>
/// Conversation dedup: drops a candidate that another candidate replies to, so a conversation shows once, at its
/// latest reply (DuplicateConversationTweetsFilter, algorithm.md 1.7; ancestors known here are direct parents).
/// </summary>
public sealed class DuplicateConversationFilter : IFilter, IScoredListStage
{
    public static readonly DuplicateConversationFilter Instance = new();

    // Reused by each thread and emptied after each call (the filter runs synchronously).
    [ThreadStatic]
    private static HashSet<long>? t_ancestors;

    public FilterId Id { get; } = new("DuplicateConversation");

    public FilterResult Apply(RankingQuery query, IReadOnlyList<Candidate> candidates) => ScoredListStage.Apply(this, query, candidates);

    /// <summary>Reads no scores: the conversation shows at its latest reply whatever they are.</summary>
    public bool TrySelect(RankingQuery query, IReadOnlyList<Candidate> candidates, ReadOnlySpan<double> scores, Span<int> kept, out int count)
    {
        var ancestors = t_ancestors ??= [];
        foreach (var candidate in candidates)
        {
            if (candidate.ParentId is { } parent)
            {
                ancestors.Add(parent);
            }
        }

        count = 0;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (ancestors.Count == 0 || !ancestors.Contains(candidates[i].PostId))
            {
                kept[count++] = i;
            }
        }

        ancestors.Clear();
        return true;
    }
}
