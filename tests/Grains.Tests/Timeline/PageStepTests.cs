using Recsys.Grains.Interfaces.Timeline;
using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Filters;
using Recsys.Grains.Ranking.Selectors;
using Recsys.Grains.Timeline;
using static Recsys.Grains.Tests.Ranking.RankingData;

namespace Recsys.Grains.Tests.Timeline;

/// <summary>
/// The last step of a page (<see cref="ForYouStages.PageAsync"/>): reading only the page's authors gives the page that
/// reading the whole ranked list's authors would, and reads nothing else but what the final rules removed.
/// </summary>
[Trait("Category", "BVT")]
[Trait("Area", "ForYou")]
public sealed class PageStepTests
{
    private static readonly IFilter[] FinalFilters = [UnavailableFilter.Instance, AuthorRelationshipFilter.Instance];

    private static readonly DebunchOutOfNetworkSelector Debunch = new(ForYouParams.DefaultMaxConsecutiveOutOfNetwork);

    private enum Verdict { Fine, BlocksViewer, MutesViewer, Suspended, Gone }

    [Fact]
    public async Task A_page_read_author_by_author_is_the_page_of_the_whole_list_read_at_once()
    {
        var pagesWithRemovals = 0;
        for (var seed = 0; seed < 400; seed++)
        {
            var random = new Random(seed);
            var inNetworkShare = random.NextDouble();
            var shunning = random.NextDouble() * 0.5;
            var authors = random.Next(1, 60);
            var verdicts = Enumerable.Range(0, authors).ToDictionary(a => 100L + a, _ => random.NextDouble() < shunning ? (Verdict)random.Next(1, 5) : Verdict.Fine);
            var ranked = Enumerable.Range(1, random.Next(0, 150))
                .Select(i => Hydrated(i, authorId: 100 + random.Next(authors), inNetwork: random.NextDouble() < inNetworkShare, score: 1_000 - i))
                .ToArray();
            var count = random.Next(1, 45);
            var query = Query();

            var read = new List<long>();
            var page = await ForYouStages.PageAsync(FinalFilters, Debunch, query, ranked, count, candidates =>
            {
                read.AddRange(candidates.Select(c => c.PostId));
                return Task.FromResult(ReadAuthors(candidates, verdicts));
            }, new PipelineStats());

            var whole = ForYouStages.Filter(FinalFilters, query, ReadAuthors(ranked, verdicts), new PipelineStats());
            var expected = Debunch.Select(query, whole).Kept.Take(count).ToArray();
            Assert.Equal(expected.Select(c => c.PostId), page.Select(c => c.PostId));
            Assert.Equal(expected.Select(c => c.Author), page.Select(c => c.Author)); // the copies as read, not the list's

            Assert.Equal(read.Count, read.Distinct().Count()); // nothing read twice
            var removed = read.Except(page.Select(c => c.PostId)).ToArray();
            Assert.All(removed, id => Assert.NotEqual(Verdict.Fine, verdicts[ranked[id - 1].AuthorId])); // read: the page and what the rules removed
            pagesWithRemovals += removed.Length > 0 ? 1 : 0;
        }

        Assert.True(pagesWithRemovals > 100, $"only {pagesWithRemovals} pages had a candidate removed by the final rules");
    }

    [Fact]
    public async Task Each_page_reads_at_most_its_own_authors_when_nothing_is_removed()
    {
        var ranked = Enumerable.Range(1, 120).Select(i => Hydrated(i, authorId: 100 + i, inNetwork: i % 3 == 0, score: 1_000 - i)).ToArray();
        var reads = 0;
        var page = await ForYouStages.PageAsync(FinalFilters, Debunch, Query(), ranked, 35, candidates =>
        {
            reads += candidates.Count;
            return Task.FromResult(ReadAuthors(candidates, new Dictionary<long, Verdict>()));
        }, new PipelineStats());

        Assert.Equal(35, page.Count);
        Assert.Equal(35, reads);
    }

    // As the final hydrator would: each candidate copied with its author as read for this viewer.
    private static IReadOnlyList<Candidate> ReadAuthors(IReadOnlyList<Candidate> candidates, IReadOnlyDictionary<long, Verdict> verdicts) =>
        candidates.Select(c => c with
        {
            Author = verdicts.GetValueOrDefault(c.AuthorId) switch
            {
                Verdict.Gone => AuthorFacts.Missing(c.AuthorId),
                var v => new AuthorFacts(c.AuthorId, true, false, false, v == Verdict.Suspended, 40, 0, v == Verdict.BlocksViewer, v == Verdict.MutesViewer),
            },
        }).ToArray();
}
