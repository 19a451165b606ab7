using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Filters;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Ranking.Selectors;

/// <summary>
/// After the sources: one copy per (post, repost or not), the first source's (the post-candidate selector of
/// algorithm.md 1.1: duplicates by tweet id and candidate class, keeping the first pipeline's copy).
/// </summary>
public sealed class DropDuplicateCandidatesSelector : ISelector
{
    public static readonly DropDuplicateCandidatesSelector Instance = new();

    public SelectorId Id { get; } = new("DropDuplicateCandidates");

    public FilterResult Select(RankingQuery query, IReadOnlyList<Candidate> candidates)
    {
        var seen = new HashSet<(long, bool)>(candidates.Count);
        return FilterResult.Partition(candidates, c => seen.Add((c.PostId, c.IsRepost)));
    }
}
