using Recsys.Grains.Interfaces.Errors;
using Recsys.Grains.Timeline;

namespace Recsys.Grains.Tests.Timeline;

[Trait("Category", "BVT")]
[Trait("Area", "Timeline")]
public sealed class ForYouParamsTests
{
    [Fact]
    public void The_defaults_are_the_published_values_and_within_bounds()
    {
        var p = new ForYouParams();

        Assert.True(new ForYouParamsValidator().Validate(null, p).Succeeded);
        Assert.Equal([0.5, 1, 13.5, 12, 0.005, 75, 11, 10, -74, -369], p.HeadWeights);
        Assert.Equal((600, 500, 0.75, 4.0, 2.0, 0.5, 0.25, 0.75), (p.InNetworkMaxCandidates, p.MaxTweetsToScore, p.ReplyScale, p.VerifiedInNetworkScale,
            p.VerifiedOutOfNetworkScale, p.AuthorDiversityDecay, p.AuthorDiversityFloor, p.OutOfNetworkScale));
        Assert.Equal((360.0, 0.003, 0.6, 65, 3, 2), (p.AgeDecayHalfLifeMinutes, p.AgeDecaySlope, p.AgeDecayFloor, p.AntiGamingMaxTweepcred, p.AntiGamingMaxPerAuthor, p.MaxConsecutiveOutOfNetwork));
        Assert.Equal((TimeSpan.FromMinutes(3), TimeSpan.FromDays(14), 35), (p.RankedListTtl, p.FatigueWindow, Recsys.Grains.Interfaces.Timeline.ForYouRequest.DefaultCount));
    }

    [Fact]
    public void A_value_out_of_bounds_fails_validation_naming_the_param()
    {
        var p = new ForYouParams { WeightReport = 5, OutOfNetworkScale = -1, SourceTimeout = TimeSpan.FromMinutes(5) };
        p.SourceTimeouts["SimClusters"] = TimeSpan.Zero;

        var result = new ForYouParamsValidator().Validate(null, p);

        Assert.True(result.Failed);
        Assert.Equal(4, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.StartsWith("for_you_weight_report (WeightReport)", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("for_you_source_timeouts[SimClusters]", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cursor_round_trips_and_anything_else_is_refused_naming_the_cursor()
    {
        var cursor = new ForYouCursor(0x1234_5678_9abc, 3);

        Assert.Equal(cursor, ForYouCursor.Parse(cursor.ToString()));
        Assert.Equal("cursor", Assert.Throws<ValidationException>(() => ForYouCursor.Parse("bm9wZQ")).Field);
        Assert.Equal("cursor", Assert.Throws<ValidationException>(() => ForYouCursor.Parse("%%%")).Field);
        Assert.Equal("for_you_video_playback50", ForYouParams.NameOf("VideoPlayback50"));
        Assert.Equal("for_you_in_network_max_candidates", ForYouParams.NameOf("InNetworkMaxCandidates"));
    }
}
