namespace Recsys.Grains.RealGraph;

/// <summary>RealGraph's constants (algorithm.md section 3); the model's coefficients live in models/realgraph/.</summary>
public sealed class RealGraphOptions
{
    /// <summary>The default value for <see cref="DecayPerDay"/>: ONE_MINUS_ALPHA = 0.955 of InteractionGraphAggregationConfig (a 15-day half-life, whatever its comment says).</summary>
    public const double DefaultDecayPerDay = 0.955;

    /// <summary>The default value for <see cref="MaxEdges"/>: the top 2,000 candidates per source of the published scoring queries.</summary>
    public const int DefaultMaxEdges = 2_000;

    /// <summary>The default value for <see cref="FeatureTtlDays"/>: EdgeFeatureCombiner drops a feature 60 days after its last occurrence (or once its ewma is below 0.955^60).</summary>
    public const int DefaultFeatureTtlDays = 60;

    /// <summary>The default value for <see cref="WindowDays"/>: the 30-day window of num_days and days_since_last_interaction.</summary>
    public const int DefaultWindowDays = 30;

    /// <summary>The default value for <see cref="ViewerContextEdges"/>: home-mixer keeps the viewer's top 1,000 RealGraph scores.</summary>
    public const int DefaultViewerContextEdges = 1_000;

    /// <summary>The model name of RealGraph's coefficient files (models/realgraph/*.json).</summary>
    public const string ModelName = "realgraph";

    /// <summary>The head RealGraph scores with: the published export uses prob_explicit.</summary>
    public const string HeadName = "prob_explicit";

    /// <summary>How much of an interaction count is left after one day.</summary>
    public double DecayPerDay { get; set; } = DefaultDecayPerDay;

    /// <summary>Edges kept per user, in storage and in every ranking.</summary>
    public int MaxEdges { get; set; } = DefaultMaxEdges;

    /// <summary>Days after its last occurrence that an interaction type stops counting (and is dropped from storage).</summary>
    public int FeatureTtlDays { get; set; } = DefaultFeatureTtlDays;

    /// <summary>Days counted by num_days; days_since_last_interaction is capped at it.</summary>
    public int WindowDays { get; set; } = DefaultWindowDays;

    /// <summary>RealGraph edges carried in the timeline's viewer context.</summary>
    public int ViewerContextEdges { get; set; } = DefaultViewerContextEdges;
}
