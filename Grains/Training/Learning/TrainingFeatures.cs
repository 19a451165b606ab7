using Recsys.Grains.Models;
using Recsys.Grains.Ranking.Models;

namespace Recsys.Grains.Training.Learning;

/// <summary>
/// How each heavy-ranker feature enters a trained head: counts log1p-scaled (as default-v0 scales them: the first
/// few engagements tell more than the hundredth), everything else as it is. The trained file records the transform
/// beside each weight, so the serving code evaluates it exactly as trained.
/// </summary>
public static class TrainingFeatures
{
    private static readonly HashSet<string> Counts =
    [
        "likes", "reposts", "replies", "clicks", "impressions", "negative", "video_views", "social_proof", "author_engagement",
    ];

    public static readonly IReadOnlyList<FeatureTransform> Transforms =
        HeavyRankerFeatures.Names.Select(n => Counts.Contains(n) ? FeatureTransform.Log1p : FeatureTransform.Linear).ToArray();

    /// <summary>A logged raw feature vector, transformed for fitting.</summary>
    public static double[] Transform(IReadOnlyList<double> raw)
    {
        var x = new double[raw.Count];
        for (var j = 0; j < x.Length; j++)
        {
            x[j] = CompiledHead.Transform(Transforms[j], raw[j]);
        }

        return x;
    }
}
