using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Filters;
using Recsys.Grains.Ranking.Scorers;
using Recsys.Grains.Ranking.Selectors;
using static Recsys.Grains.Tests.Ranking.RankingData;

namespace Recsys.Grains.Tests.Ranking;

/// <summary>
/// The components that sort keys instead of using LINQ's stable OrderBy give what the LINQ form gave, ties included:
/// random candidates with many equal scores, times and ids, checked against the LINQ form written out here.
/// </summary>
[Trait("Category", "BVT")]
[Trait("Area", "Ranking")]
public sealed class RankingOrderTests
{
    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void KeepTopPerSourceKeepsWhatTheLinqFormKept(int seed)
    {
        var candidates = Random(seed);
        var expected = new HashSet<Candidate>(ReferenceEqualityComparer.Instance);
        foreach (var source in candidates.GroupBy(c => c.Source))
        {
            expected.UnionWith(source.OrderByDescending(c => c.LightScore).ThenByDescending(c => c.CreatedAt).ThenByDescending(c => c.PostId).Take(7));
        }

        var result = new KeepTopPerSourceSelector(7).Select(Query(), candidates);

        Assert.Equal(candidates.Where(expected.Contains), result.Kept, ReferenceEqualityComparer.Instance);
        Assert.Equal(candidates.Where(c => !expected.Contains(c)), result.Removed, ReferenceEqualityComparer.Instance);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void SortByScoreOrdersAsTheLinqFormOrdered(int seed)
    {
        var candidates = Random(seed);

        var result = SortByScoreSelector.Instance.Select(Query(), candidates);

        Assert.Equal(candidates.OrderByDescending(c => c.Score).ThenByDescending(c => c.PostId), result.Kept, ReferenceEqualityComparer.Instance);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void AntiGamingAllowsWhatTheLinqFormAllowed(int seed)
    {
        var candidates = Random(seed);
        var allowed = new HashSet<Candidate>(ReferenceEqualityComparer.Instance);
        var counts = new Dictionary<long, int>();
        foreach (var c in candidates.Where(c => !c.InNetwork).OrderByDescending(c => c.Score).ThenBy(c => c.PostId))
        {
            var count = counts[c.KnownAuthorId] = counts.GetValueOrDefault(c.KnownAuthorId) + 1;
            if (c.Author?.Tweepcred is > 65 || count <= 2)
            {
                allowed.Add(c);
            }
        }

        var result = new AntiGamingFilter(65, 2).Apply(Query(), candidates);

        Assert.Equal(candidates.Where(c => c.InNetwork || allowed.Contains(c)), result.Kept, ReferenceEqualityComparer.Instance);
    }

    [Theory]
    [InlineData(1, 60, 6)]
    [InlineData(2, 60, 6)]
    [InlineData(3, 60, 6)]
    [InlineData(4, 300, 2)] // runs of ~150 posts per author
    [InlineData(5, 300, 300)] // mostly one post per author
    public void AuthorDiversityDiscountsAsTheOrderedFormDid(int seed, int count, int authors)
    {
        var candidates = Random(seed, count, authors);
        var expected = new double[candidates.Length];
        var seen = new Dictionary<long, int>();
        foreach (var i in Enumerable.Range(0, candidates.Length).OrderByDescending(i => candidates[i].ModelScore).ThenBy(i => candidates[i].PostId))
        {
            var k = seen[candidates[i].KnownAuthorId] = seen.GetValueOrDefault(candidates[i].KnownAuthorId) + 1;
            expected[i] = Recsys.Grains.Ranking.Models.DiversityDiscount.Multiplier(k - 1, 0.5, 0.25);
        }

        var scored = new HeuristicScorer([new AuthorDiversityScorer(0.5, 0.25)]).Score(Query(), candidates);

        Assert.Equal(expected, scored.Select(c => c.Factors.Count == 0 ? 1.0 : c.Factors[0].Factor));
    }

    [Fact]
    public void APartitionByDecisionsKeepsOrderAndSaysWhatItRemoved()
    {
        var candidates = new[] { Candidate(1), Candidate(2), Candidate(3), Candidate(4) };

        var some = FilterResult.Partition(candidates, [true, false, true, false]);
        var all = FilterResult.Partition(candidates, [true, true, true, true]);

        Assert.Equal([1, 3], Ids(some.Kept));
        Assert.Equal([2, 4], Ids(some.Removed));
        Assert.Same(candidates, all.Kept);
        Assert.Empty(all.Removed);
        Assert.Throws<ArgumentException>(() => FilterResult.Partition(candidates, [true]));
    }

    [Fact]
    public void SignalsWithoutEngagementsKeepNoCountsYetEqualAndReadAsBefore()
    {
        var counted = new SourceSignals(EngagementCounts.Zero with { Likes = 2, Negative = -0.0 }, 0.5, 0.25, 3);
        var none = new SourceSignals(EngagementCounts.Zero, 0.5, 0.25, 3);

        Assert.Equal((2.0, 0.5, 0.25, 3.0), (counted.Engagements.Likes, counted.RealGraph, counted.Similarity, counted.SourceWeight));
        Assert.Equal(EngagementCounts.Zero, none.Engagements);
        Assert.Equal(none, counted with { Engagements = EngagementCounts.Zero });
        Assert.NotEqual(none, counted);
        Assert.Equal(counted, new SourceSignals(counted.Engagements, 0.5, 0.25, 3));
        Assert.Equal(SourceSignals.None, new SourceSignals(default, 0, 0, 0));
    }

    [Fact]
    public void ACandidatesOptionalIdsReadBackAsSet()
    {
        var plain = Candidate(1);
        var repost = plain with { ReposterId = 7, ReplyToId = 0 };

        Assert.Equal(((long?)null, (long?)null), (plain.ReposterId, plain.ReplyToId));
        Assert.Equal(((long?)7, (long?)0), (repost.ReposterId, repost.ReplyToId));
        Assert.True(repost.IsRepost);
        Assert.Equal(plain, repost with { ReposterId = null, ReplyToId = null });
    }

    // Few distinct values, so that scores, times, ids and authors tie often.
    private static Candidate[] Random(int seed, int count = 60, int authors = 6)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ =>
        {
            var score = random.Next(5) / 4.0;
            return Hydrated(random.Next(count / 3), authorId: random.Next(authors), inNetwork: random.Next(3) == 0, score: score,
                    tweepcred: random.Next(3) == 0 ? null : random.Next(60, 70))
                with
                {
                    Source = random.Next(2) == 0 ? InNetwork : SocialGraph,
                    LightScore = random.Next(4) / 3.0,
                    CreatedAt = Now.AddMinutes(-random.Next(3)),
                };
        }).ToArray();
    }
}
