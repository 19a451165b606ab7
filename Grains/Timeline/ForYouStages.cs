using System.Buffers;
using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Filters;
using Recsys.Grains.Ranking.Scorers;
using Recsys.Grains.Ranking.Selectors;

namespace Recsys.Grains.Timeline;

/// <summary>
/// The pure stages of the pipeline, plain data in and out, no grains: what runs between the sources and
/// hydration (<see cref="Prepare"/>), after hydration (<see cref="Rank"/>), on a page of the ranked list as its authors
/// are read for the viewer (<see cref="PageAsync"/>), and on a kept ranked list paged later (<see cref="Recheck"/>).
/// Benchmarked alone against the full request.
/// </summary>
public static class ForYouStages
{
    /// <summary>Steps 3-4: duplicates, global filters, light ranking, the per-source limit.</summary>
    public static IReadOnlyList<Candidate> Prepare(ForYouPipelineConfig config, RankingQuery query, IReadOnlyList<Candidate> found, PipelineStats stats)
    {
        var (candidates, lightScores) = PrepareUnscored(config, query, found, stats);
        var scored = new Candidate[candidates.Count];
        for (var i = 0; i < scored.Length; i++)
        {
            scored[i] = candidates[i] with { LightScore = lightScores[i] };
        }

        return scored;
    }

    /// <summary>Steps 3-4 as the pipeline runs them when nothing is cached: <see cref="Screen"/>, then <see cref="Shortlist"/>.</summary>
    public static (IReadOnlyList<Candidate> Candidates, double[] LightScores) PrepareUnscored(ForYouPipelineConfig config, RankingQuery query,
        IReadOnlyList<Candidate> found, PipelineStats stats) =>
        Shortlist(config, query, Screen(config, query, found, stats), stats);

    /// <summary>
    /// Step 3: duplicates across sources and the global filters, on every candidate (cached ones too). With
    /// <paramref name="distinct"/> (the candidates are the cache's alone, one per post by construction) the
    /// duplicate check is skipped: it would remove nothing.
    /// </summary>
    public static IReadOnlyList<Candidate> Screen(ForYouPipelineConfig config, RankingQuery query, IReadOnlyList<Candidate> found, PipelineStats stats,
        bool distinct = false) =>
        Filter(config.GlobalFilters, query, distinct ? found : Select(config.PostCandidateSelector, query, found, stats), stats);

    /// <summary>
    /// Step 4, for the candidates the heavy ranker will score: light ranking and the per-source limit. The light scores
    /// come beside the kept candidates rather than copied onto them (hydration sets them in its one copy).
    /// </summary>
    public static (IReadOnlyList<Candidate> Candidates, double[] LightScores) Shortlist(ForYouPipelineConfig config, RankingQuery query,
        IReadOnlyList<Candidate> screened, PipelineStats stats)
    {
        var limit = config.PerSourceLimit;
        var scores = config.LightRanker.Scores(query, screened);
        if (limit.Keep(screened, scores) is not { } keep)
        {
            return (screened, scores);
        }

        var result = FilterResult.Partition(screened, keep);
        stats.RecordRemoved(limit.Id.Scope, result.Removed.Count);
        var kept = new double[result.Kept.Count];
        for (int i = 0, k = 0; i < keep.Length; i++)
        {
            if (keep[i])
            {
                kept[k++] = scores[i];
            }
        }

        return (result.Kept, kept);
    }

    /// <summary>Steps 6-8: heavy ranking, heuristics, anti-gaming, visibility, selection and the result caps.</summary>
    public static IReadOnlyList<Candidate> Rank(ForYouPipelineConfig config, RankingQuery query, IReadOnlyList<Candidate> hydrated, PipelineStats stats) =>
        Cut(config, query, Rescore(config, query, [], hydrated), stats);

    /// <summary>
    /// Steps 6-7: the heavy ranker on the hydrated candidates, then the heuristics on them and on the reused ones (which
    /// keep their cached model score). Nothing is copied: the scores stay beside the candidates.
    /// </summary>
    public static ScoredCandidates Rescore(ForYouPipelineConfig config, RankingQuery query, IReadOnlyList<Candidate> reused, IReadOnlyList<Candidate> hydrated)
    {
        var heuristics = config.Heuristics;
        var fresh = config.HeavyRanker.Scores(query, hydrated);
        if (reused.Count == 0)
        {
            return heuristics.Rescore(query, hydrated, fresh);
        }

        // Pooled, and the reused list itself when nothing was scored afresh (a refresh from the cache alone).
        var count = reused.Count + fresh.Length;
        var scores = ArrayPool<double>.Shared.Rent(count);
        for (var i = 0; i < reused.Count; i++)
        {
            scores[i] = reused[i].ModelScore;
        }

        fresh.CopyTo(scores, reused.Count);
        var rescored = heuristics.Rescore(query, hydrated.Count == 0 ? reused : [.. reused, .. hydrated], scores.AsSpan(0, count));
        ArrayPool<double>.Shared.Return(scores);
        return rescored;
    }

    /// <summary>Steps 7-8 after the heuristics: anti-gaming, visibility, selection and the result caps.</summary>
    public static IReadOnlyList<Candidate> Cut(ForYouPipelineConfig config, RankingQuery query, ScoredCandidates scored, PipelineStats stats) =>
        Cut([.. config.PostScoringFilters, .. config.VisibilityFilters], config.Selectors, query, scored, stats);

    /// <summary>
    /// The filters, then the selectors, on the scored list, deciding from the scores beside the candidates: only the
    /// candidates kept at the end are copied with their scores. When a stage needs the scores on the candidates (it is
    /// neither a test nor an <see cref="IScoredListStage"/>), the candidates left are copied there and the stages from
    /// it on are applied whole, as <see cref="Filter"/> and <see cref="Select"/> do.
    /// </summary>
    public static IReadOnlyList<Candidate> Cut(IReadOnlyList<IFilter> filters, IReadOnlyList<ISelector> selectors, RankingQuery query, ScoredCandidates scored,
        PipelineStats stats)
    {
        var list = new ScoredList(scored);
        try
        {
            var tests = new List<(string Scope, Func<Candidate, bool> Keep)>();
            for (var i = 0; i < filters.Count; i++)
            {
                if (filters[i].Test(query) is { } test)
                {
                    if (!ReferenceEquals(test, CandidateTests.KeepAll))
                    {
                        tests.Add((filters[i].Id.Scope, test));
                    }

                    continue;
                }

                list.Test(tests, stats);
                if (filters[i] is not IScoredListStage stage || !list.TrySelect(stage, query, filters[i].Id.Scope, stats))
                {
                    return SelectAll(selectors, 0, query, Filter(filters.Skip(i).ToArray(), query, list.Materialize(), stats), stats);
                }
            }

            list.Test(tests, stats);
            for (var i = 0; i < selectors.Count; i++)
            {
                if (selectors[i] is not IScoredListStage stage || !list.TrySelect(stage, query, selectors[i].Id.Scope, stats))
                {
                    return SelectAll(selectors, i, query, list.Materialize(), stats);
                }
            }

            return list.Materialize();
        }
        finally
        {
            list.Return();
        }
    }

    // The selectors from the first-th on, each applied whole.
    private static IReadOnlyList<Candidate> SelectAll(IReadOnlyList<ISelector> selectors, int first, RankingQuery query, IReadOnlyList<Candidate> candidates,
        PipelineStats stats)
    {
        for (var i = first; i < selectors.Count; i++)
        {
            candidates = Select(selectors[i], query, candidates, stats);
        }

        return candidates;
    }

    /// <summary>
    /// Step 8, last, for one page: the page selector's first <paramref name="count"/> of the ranked list, each with its
    /// author read for this viewer (<paramref name="readAuthors"/>) and past the final rules
    /// (<paramref name="finalFilters"/>). When a rule removes one, the candidates that move up are read in turn; the
    /// page is settled once every candidate on it was read and kept. Only the page's authors are read, not the whole
    /// list's (a refresh read 120 for the 35 it served), and the page is the one reading them all would give:
    /// candidates the page does not show cannot change it, since debunching only ever pulls the next in-network
    /// candidate forward (<see cref="DebunchOutOfNetworkSelector"/>), so removing one that was never placed leaves every
    /// earlier choice as it was. Debunching places candidates by rank and network alone, so a round that removes
    /// nothing settles the page as placed: it is not placed again.
    /// </summary>
    public static async Task<IReadOnlyList<Candidate>> PageAsync(IReadOnlyList<IFilter> finalFilters, ISelector pageSelector, RankingQuery query,
        IReadOnlyList<Candidate> ranked, int count, Func<IReadOnlyList<Candidate>, Task<IReadOnlyList<Candidate>>> readAuthors, PipelineStats stats)
    {
        var read = new Dictionary<long, Candidate?>(); // post id -> its checked copy, or null when a final rule removed it
        var list = ranked;
        while (true)
        {
            var selected = pageSelector.Select(query, list);
            var page = Head(selected.Kept, count);
            var unread = new List<Candidate>();
            foreach (var candidate in page)
            {
                if (!read.ContainsKey(candidate.PostId))
                {
                    unread.Add(candidate);
                }
            }

            if (unread.Count == 0)
            {
                stats.RecordRemoved(pageSelector.Id.Scope, selected.Removed.Count);
                return page;
            }

            foreach (var candidate in unread)
            {
                read[candidate.PostId] = null;
            }

            var kept = Filter(finalFilters, query, await readAuthors(unread), stats);
            foreach (var candidate in kept)
            {
                read[candidate.PostId] = candidate;
            }

            if (kept.Count == unread.Count)
            {
                stats.RecordRemoved(pageSelector.Id.Scope, selected.Removed.Count);
                return page.Select(c => read[c.PostId]!).ToArray();
            }

            list = Checked(list, read);
        }
    }

    // The list with each candidate read replaced by its checked copy, and those removed left out.
    private static Candidate[] Checked(IReadOnlyList<Candidate> list, Dictionary<long, Candidate?> read)
    {
        var result = new List<Candidate>(list.Count);
        foreach (var candidate in list)
        {
            if (!read.TryGetValue(candidate.PostId, out var copy))
            {
                result.Add(candidate);
            }
            else if (copy is not null)
            {
                result.Add(copy);
            }
        }

        return result.ToArray();
    }

    private static IReadOnlyList<Candidate> Head(IReadOnlyList<Candidate> candidates, int count) =>
        candidates.Count <= count ? candidates : candidates.Take(count).ToArray();

    /// <summary>Step 9 on a kept list: the viewer's latest feedback and impressions (the page is then chosen by <see cref="PageAsync"/>).</summary>
    public static IReadOnlyList<Candidate> Recheck(ForYouPipelineConfig config, RankingQuery query, IReadOnlyList<Candidate> remaining, PipelineStats stats) =>
        Filter(config.PageFilters, query, remaining, stats);

    /// <summary>
    /// The filters in order. Consecutive filters that test one candidate at a time (<see cref="IFilter.Test"/>) run in
    /// one pass: each candidate meets the tests in order until one removes it, which counts the removal (as each
    /// filter would see only what the earlier ones kept); the others are applied whole.
    /// </summary>
    public static IReadOnlyList<Candidate> Filter(IReadOnlyList<IFilter> filters, RankingQuery query, IReadOnlyList<Candidate> candidates, PipelineStats stats)
    {
        var tests = new List<(string Scope, Func<Candidate, bool> Keep)>(filters.Count);
        for (var i = 0; i < filters.Count; i++)
        {
            if (filters[i].Test(query) is { } test)
            {
                if (!ReferenceEquals(test, CandidateTests.KeepAll))
                {
                    tests.Add((filters[i].Id.Scope, test));
                }

                continue;
            }

            candidates = Tested(tests, candidates, stats);
            var result = filters[i].Apply(query, candidates);
            stats.RecordRemoved(filters[i].Id.Scope, result.Removed.Count);
            candidates = result.Kept;
        }

        return Tested(tests, candidates, stats);
    }

    // Runs the gathered tests in one pass, then clears them.
    private static IReadOnlyList<Candidate> Tested(List<(string Scope, Func<Candidate, bool> Keep)> tests, IReadOnlyList<Candidate> candidates, PipelineStats stats)
    {
        if (tests.Count == 0)
        {
            return candidates;
        }

        var n = candidates.Count;
        Span<bool> keep = n <= 4096 ? stackalloc bool[n] : new bool[n];
        var total = RunTests(tests, candidates, keep, stats);
        if (total == 0)
        {
            return candidates;
        }

        var kept = new Candidate[n - total];
        for (int i = 0, k = 0; i < n; i++)
        {
            if (keep[i])
            {
                kept[k++] = candidates[i];
            }
        }

        return kept;
    }

    /// <summary>
    /// The gathered tests in one pass: each candidate meets them in order until one removes it (<paramref name="keep"/>[i]
    /// false), which counts the removal. Clears the tests and returns how many were removed in all.
    /// </summary>
    internal static int RunTests(List<(string Scope, Func<Candidate, bool> Keep)> tests, IReadOnlyList<Candidate> candidates, Span<bool> keep, PipelineStats stats)
    {
        var n = candidates.Count;
        Span<int> removed = tests.Count <= 64 ? stackalloc int[tests.Count] : new int[tests.Count];
        removed.Clear();
        for (var i = 0; i < n; i++)
        {
            var candidate = candidates[i];
            keep[i] = true;
            for (var t = 0; t < tests.Count; t++)
            {
                if (!tests[t].Keep(candidate))
                {
                    removed[t]++;
                    keep[i] = false;
                    break;
                }
            }
        }

        var total = 0;
        for (var t = 0; t < tests.Count; t++)
        {
            stats.RecordRemoved(tests[t].Scope, removed[t]);
            total += removed[t];
        }

        tests.Clear();
        return total;
    }

    public static IReadOnlyList<Candidate> Select(ISelector selector, RankingQuery query, IReadOnlyList<Candidate> candidates, PipelineStats stats)
    {
        var result = selector.Select(query, candidates);
        stats.RecordRemoved(selector.Id.Scope, result.Removed.Count);
        return result.Kept;
    }
}
