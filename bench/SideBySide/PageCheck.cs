namespace Recsys.Bench.SideBySide;

/// <summary>
/// What every served page must satisfy, whichever system served it: no post of the viewer's own, no author the
/// viewer blocked or who blocked the viewer, no post twice, and at most a page. Returns the problems found.
/// </summary>
public static class PageCheck
{
    public static IReadOnlyList<string> Problems(long viewer, IReadOnlyList<(long PostId, long AuthorId)> page, IReadOnlySet<long> hiddenAuthors, int pageSize)
    {
        var problems = new List<string>();
        if (page.Count > pageSize)
        {
            problems.Add($"viewer {viewer}: {page.Count} items, more than a page of {pageSize}");
        }

        problems.AddRange(page.Where(i => i.AuthorId == viewer).Select(i => $"viewer {viewer}: own post {i.PostId}"));
        problems.AddRange(page.Where(i => hiddenAuthors.Contains(i.AuthorId)).Select(i => $"viewer {viewer}: post {i.PostId} by blocked author {i.AuthorId}"));
        problems.AddRange(page.GroupBy(i => i.PostId).Where(g => g.Count() > 1).Select(g => $"viewer {viewer}: post {g.Key} served {g.Count()} times"));
        return problems;
    }

    /// <summary>Authors hidden from <paramref name="viewer"/>: blocked by it or blocking it.</summary>
    public static IReadOnlySet<long> HiddenAuthors(long viewer, IReadOnlyList<UserBlock> blocks) =>
        blocks.Where(b => b.BlockerId == viewer).Select(b => b.BlockedId).Concat(blocks.Where(b => b.BlockedId == viewer).Select(b => b.BlockerId)).ToHashSet();
}
