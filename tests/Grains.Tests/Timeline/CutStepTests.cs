using Recsys.Grains.Interfaces.Posts;
using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Filters;
using Recsys.Grains.Ranking.Scorers;
using Recsys.Grains.Ranking.Selectors;
using Recsys.Grains.Timeline;
using static Recsys.Grains.Tests.Ranking.RankingData;

namespace Recsys.Grains.Tests.Timeline;

/// <summary>
/// The stages after the heuristics (<see cref="ForYouStages.Cut(IReadOnlyList{IFilter}, IReadOnlyList{ISelector}, RankingQuery, ScoredCandidates, PipelineStats)"/>)
/// decide from the scores beside the candidates and copy only what they keep: the ranked list, its scores, its factors
/// and the removals counted are those of copying every candidate first and applying each stage whole.
/// </summary>
[Trait("Category", "BVT")]
[Trait("Area", "ForYou")]
public sealed class CutStepTests
{
    private static readonly HeuristicScorer Heuristics = new(
    [
        new ReplyScaleScorer(ForYouParams.DefaultReplyScale),
        new VerifiedAuthorScaleScorer(ForYouParams.DefaultVerifiedInNetworkScale, ForYouParams.DefaultVerifiedOutOfNetworkScale),
        new OutOfNetworkScaleScorer(ForYouParams.DefaultOutOfNetworkScale),
        new AuthorDiversityScorer(ForYouParams.DefaultAuthorDiversityDecay, ForYouParams.DefaultAuthorDiversityFloor),
        new AgeDecayScorer(ForYouParams.DefaultAgeDecayHalfLifeMinutes, ForYouParams.DefaultAgeDecaySlope, ForYouParams.DefaultAgeDecayFloor),
    ]);

    private static readonly ISelector[] Selectors =
    [
        KeepBestOutOfNetworkPerAuthorSelector.Instance, SortByScoreSelector.Instance, new DropExcessCandidatesSelector(20, 15, 30),
    ];

    [Fact]
    public void The_list_cut_from_the_scores_beside_is_the_list_cut_from_copies()
    {
        var (removals, cut) = (0, 0);
        for (var seed = 0; seed < 300; seed++)
        {
            var random = new Random(seed);
            var (candidates, query) = Generate(random);
            var antiGamingOn = random.NextDouble() < 0.8;
            IFilter[] filters =
            [
                new ParamGatedFilter(new AntiGamingFilter(65, 3), () => antiGamingOn),
                UnavailableFilter.Instance, ViewerOwnPostFilter.Instance, ViewerRelationshipFilter.Instance, SensitiveMediaFilter.Instance,
                new ParamGatedFilter(DuplicateConversationFilter.Instance, () => true),
            ];

            var (expected, actual) = Both(filters, Selectors, candidates, query);
            removals += actual.Stats.Removed.Values.Sum();
            cut += candidates.Count - actual.Ranked.Count;
        }

        Assert.True(removals > 3_000, $"only {removals} removals counted over the lists");
        Assert.True(cut > 5_000, $"only {cut} candidates cut over the lists");
    }

    [Fact]
    public void A_stage_that_needs_the_scores_on_the_candidates_gets_them_and_so_do_the_stages_after_it()
    {
        for (var seed = 0; seed < 100; seed++)
        {
            var random = new Random(seed);
            var (candidates, query) = Generate(random);
            IFilter[] filters = [new ParamGatedFilter(new AntiGamingFilter(65, 3), () => true), new AboveFirstScore(), SensitiveMediaFilter.Instance];
            ISelector[] selectors = [SortByScoreSelector.Instance, new TopByOwnScore(10), new DropExcessCandidatesSelector(20, 15, 30)];

            Both(filters, Selectors, candidates, query);
            Both([SensitiveMediaFilter.Instance], selectors, candidates, query);
        }
    }

    // Cuts both ways, asserts they agree, and returns both.
    private static ((IReadOnlyList<Candidate> Ranked, PipelineStats Stats) Expected, (IReadOnlyList<Candidate> Ranked, PipelineStats Stats) Actual) Both(
        IReadOnlyList<IFilter> filters, IReadOnlyList<ISelector> selectors, IReadOnlyList<Candidate> candidates, RankingQuery query)
    {
        var modelScores = candidates.Select(c => c.ModelScore).ToArray();
        var copiedStats = new PipelineStats();
        var copied = ForYouStages.Filter(filters, query, Heuristics.Score(query, candidates, modelScores), copiedStats);
        foreach (var selector in selectors)
        {
            copied = ForYouStages.Select(selector, query, copied, copiedStats);
        }

        var besideStats = new PipelineStats();
        var beside = ForYouStages.Cut(filters, selectors, query, Heuristics.Rescore(query, candidates, modelScores), besideStats);

        Assert.Equal(copied.Select(c => c.PostId), beside.Select(c => c.PostId));
        Assert.Equal(copied.Select(c => (c.ModelScore, c.Score)), beside.Select(c => (c.ModelScore, c.Score)));
        Assert.Equal(copied.Select(c => string.Join(",", c.Factors)), beside.Select(c => string.Join(",", c.Factors)));
        Assert.Equal(copiedStats.Removed.OrderBy(r => r.Key), besideStats.Removed.OrderBy(r => r.Key));
        return ((copied, copiedStats), (beside, besideStats));
    }

    // A list with few authors (anti-gaming and per-author selection bite), replies to each other (conversations), flagged
    // posts, authors the viewer blocks, the viewer's own posts, ties in model score and a mix of ages.
    private static (IReadOnlyList<Candidate> Candidates, RankingQuery Query) Generate(Random random)
    {
        var authors = random.Next(1, 40);
        var inNetworkShare = random.NextDouble();
        var n = random.Next(0, 250);
        var candidates = Enumerable.Range(1, n).Select(i =>
        {
            var author = random.NextDouble() < 0.03 ? ViewerId : 100 + random.Next(authors);
            var replyTo = random.NextDouble() < 0.2 && i > 1 ? random.Next(1, i) : (long?)null;
            var labels = random.NextDouble() < 0.1 ? new[] { PostLabel.Nsfw } : null;
            var score = random.NextDouble() < 0.2 ? 0.5 : Math.Round(random.NextDouble(), 2);
            return Hydrated(i, authorId: author, inNetwork: random.NextDouble() < inNetworkShare, score: score, labels: labels, replyTo: replyTo,
                verified: random.NextDouble() < 0.1, tweepcred: random.NextDouble() < 0.3 ? random.Next(0, 100) : null,
                createdAt: Now.AddMinutes(-random.Next(1, 2_000)));
        }).ToArray();
        var blocks = Enumerable.Range(0, authors).Where(_ => random.NextDouble() < 0.1).Select(a => 100L + a);
        return (candidates, Query(Viewer(blocks: blocks)));
    }

    // A whole-list filter that reads the scores on the candidates: keeps those scoring at least the first one's score / 2.
    private sealed class AboveFirstScore : IFilter
    {
        public Recsys.Grains.Ranking.Identifiers.FilterId Id { get; } = new("AboveFirstScore");

        public FilterResult Apply(RankingQuery query, IReadOnlyList<Candidate> candidates) =>
            candidates.Count == 0 ? new FilterResult(candidates, []) : FilterResult.Partition(candidates, c => c.Score >= candidates[0].Score / 2);
    }

    // A selector that reads the scores on the candidates: the best few by score, in list order.
    private sealed class TopByOwnScore(int count) : ISelector
    {
        public Recsys.Grains.Ranking.Identifiers.SelectorId Id { get; } = new("TopByOwnScore");

        public FilterResult Select(RankingQuery query, IReadOnlyList<Candidate> candidates)
        {
            var best = candidates.OrderByDescending(c => c.Score).ThenBy(c => c.PostId).Take(count).ToHashSet();
            return FilterResult.Partition(candidates, best.Contains);
        }
    }
}
