using Recsys.Grains.Interfaces.Engagements;

namespace Recsys.Bench.Training;

/// <summary>
/// The generative model of the training benchmark: how a viewer reacts to a served post, drawn from what the sample
/// generator planted and the ranker never sees directly. m is the viewer's latent interest in the post's topic (the
/// sample's per-community interests, summing to 1 over 12 communities); s is 1 when the post is in-network. Each
/// reaction is an independent Bernoulli draw of σ(logit):
/// <list type="bullet">
/// <item>like σ(−3.2 + 5m + 0.7s); repost σ(−5 + 5m + 0.3s); reply σ(−5.5 + 4m + s); profile click σ(−5 + 3m + 0.5s);</item>
/// <item>click σ(−2.5 + 3m), and a clicked post is read for 150 s (else 20 s) with probability σ(−2 + 4m);</item>
/// <item>video view (posts with media) σ(−2.5 + 4m), watching min(1, U(0,1)·(0.5 + m)) of it;</item>
/// <item>not interested σ(−4 − 4m), report σ(−7.5 − 3m): rejection grows as interest falls.</item>
/// </list>
/// Reactions happen 1-50 s after serving. Every served post also gets an impression (so it is not served again).
/// </summary>
public static class LatentEngagementModel
{
    public static IEnumerable<(EngagementAction Action, double? Value)> Draw(double m, bool inNetwork, bool hasMedia, Random random)
    {
        var s = inNetwork ? 1 : 0;
        yield return (EngagementAction.Impression, null);
        if (Bernoulli(-3.2 + 5 * m + 0.7 * s, random))
        {
            yield return (EngagementAction.Like, null);
        }

        if (Bernoulli(-5 + 5 * m + 0.3 * s, random))
        {
            yield return (EngagementAction.Repost, null);
        }

        if (Bernoulli(-5.5 + 4 * m + s, random))
        {
            yield return (EngagementAction.Reply, null);
        }

        if (Bernoulli(-5 + 3 * m + 0.5 * s, random))
        {
            yield return (EngagementAction.ProfileClick, null);
        }

        if (Bernoulli(-2.5 + 3 * m, random))
        {
            yield return (EngagementAction.Click, null);
            yield return (EngagementAction.Dwell, Bernoulli(-2 + 4 * m, random) ? 150_000 : 20_000);
        }

        if (hasMedia && Bernoulli(-2.5 + 4 * m, random))
        {
            yield return (EngagementAction.VideoView, Math.Round(Math.Min(1, random.NextDouble() * (0.5 + m)), 2));
        }

        if (Bernoulli(-4 - 4 * m, random))
        {
            yield return (EngagementAction.NotInterested, null);
        }

        if (Bernoulli(-7.5 - 3 * m, random))
        {
            yield return (EngagementAction.Report, null);
        }
    }

    /// <summary>
    /// The true probability of each heavy-ranker head's label under this model (RankingHead order): the oracle a
    /// perfect ranker would reach, for comparison. reply_engaged_by_author has none (0).
    /// </summary>
    public static double[] HeadProbabilities(double m, bool inNetwork, bool hasMedia)
    {
        var s = inNetwork ? 1 : 0;
        var like = Sigmoid(-3.2 + 5 * m + 0.7 * s);
        var click = Sigmoid(-2.5 + 3 * m);
        var video = hasMedia ? Sigmoid(-2.5 + 4 * m) * (m / (0.5 + m)) : 0; // P(U·(0.5 + m) ≥ 0.5) = m / (0.5 + m)
        var reply = Sigmoid(-5.5 + 4 * m + s);
        return
        [
            like, Sigmoid(-5 + 5 * m + 0.3 * s), reply, Sigmoid(-5 + 3 * m + 0.5 * s), video, 0,
            click * (1 - (1 - like) * (1 - reply)), click * Sigmoid(-2 + 4 * m), Sigmoid(-4 - 4 * m), Sigmoid(-7.5 - 3 * m),
        ];
    }

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    private static bool Bernoulli(double logit, Random random) => random.NextDouble() < Sigmoid(logit);
}
