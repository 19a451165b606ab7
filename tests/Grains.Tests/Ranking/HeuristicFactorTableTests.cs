using Recsys.Grains.Interfaces.Timeline;
using Recsys.Grains.Ranking.Scorers;
using static Recsys.Grains.Tests.Ranking.RankingData;

namespace Recsys.Grains.Tests.Ranking;

/// <summary>The heuristics' factors kept as one table per run: each test fails if a candidate reads another's row.</summary>
[Trait("Category", "BVT")]
[Trait("Area", "Ranking")]
public sealed class HeuristicFactorTableTests
{
    [Fact]
    public void Each_scored_candidate_reads_its_own_row_of_factors_and_an_explicit_list_replaces_it()
    {
        var heuristics = new HeuristicScorer([new ReplyScaleScorer(0.75), new OutOfNetworkScaleScorer(0.5)]);
        var scored = heuristics.Score(Query(), [Hydrated(1, replyTo: 9, inNetwork: false, score: 2), Hydrated(2, score: 2), Hydrated(3, inNetwork: false, score: 2)]);

        Assert.Equal([0.75, 2.0, 1.0], scored.Select(c => c.Score));
        Assert.Equal([new HeuristicFactor("ReplyScale", 0.75), new HeuristicFactor("OutOfNetworkScale", 0.5)], scored[0].Factors);
        Assert.Empty(scored[1].Factors);
        Assert.Equal([new HeuristicFactor("OutOfNetworkScale", 0.5)], scored[2].Factors);
        Assert.Same(scored[0].FactorRow.Table, scored[2].FactorRow.Table);
        Assert.Equal([new HeuristicFactor("AgeDecay", 0.5)], (scored[0] with { Factors = [new HeuristicFactor("AgeDecay", 0.5)] }).Factors);
    }

    [Fact]
    public void A_row_outside_the_table_is_refused()
    {
        var table = new HeuristicFactorTable(["ReplyScale"], [0.75, 1.0], rows: 2);

        Assert.Equal([new HeuristicFactor("ReplyScale", 0.75)], table.Row(0));
        Assert.Empty(table.Row(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => table.Row(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HeuristicFactorTable(["ReplyScale", "AgeDecay"], [1.0], rows: 1));
    }
}
