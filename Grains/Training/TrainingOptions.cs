namespace Recsys.Grains.Training;

/// <summary>
/// The "training" job's knobs (configuration section "Training"). The 24 h label window is issue 10's; the rest are
/// ours, chosen for a few thousand to a million logged items on one machine.
/// </summary>
public sealed class TrainingOptions
{
    /// <summary>The default value for <see cref="LabelWindow"/>: 24 h after serving (issue 10).</summary>
    public static readonly TimeSpan DefaultLabelWindow = TimeSpan.FromHours(24);

    /// <summary>The default value for <see cref="LookBack"/>: 7 days, the served log's retention.</summary>
    public static readonly TimeSpan DefaultLookBack = TimeSpan.FromDays(7);

    /// <summary>The default value for <see cref="DailyAt"/>: 04:00 UTC, an hour after tweepcred's daily run.</summary>
    public static readonly TimeSpan DefaultDailyAt = TimeSpan.FromHours(4);

    /// <summary>The default value for <see cref="TrainFraction"/>: the earliest 70 % train, the latest 30 % test.</summary>
    public const double DefaultTrainFraction = 0.7;

    /// <summary>The default value for <see cref="L2"/>: 1.0 on standardised features (a mild prior; weights stay finite on separable heads).</summary>
    public const double DefaultL2 = 1.0;

    /// <summary>The default value for <see cref="MinPositives"/>: 20 positives (and negatives) before a head is fitted.</summary>
    public const int DefaultMinPositives = 20;

    /// <summary>The default value for <see cref="MinExamples"/>: 200 matured, labelled items before anything is trained.</summary>
    public const int DefaultMinExamples = 200;

    /// <summary>The default value for <see cref="MaxExamples"/>: 1,000,000 items (about 400 MB while training).</summary>
    public const int DefaultMaxExamples = 1_000_000;

    /// <summary>The default value for <see cref="AucTolerance"/>: 0.005, about the noise of AUC on a few thousand positives.</summary>
    public const double DefaultAucTolerance = 0.005;

    /// <summary>The default value for <see cref="MinAucGain"/>: 0.001.</summary>
    public const double DefaultMinAucGain = 0.001;

    /// <summary>How long after serving an engagement still labels the item; younger items wait for the next run.</summary>
    public TimeSpan LabelWindow { get; set; } = DefaultLabelWindow;

    /// <summary>How far back served items are read.</summary>
    public TimeSpan LookBack { get; set; } = DefaultLookBack;

    /// <summary>The share of items, earliest first, trained on; the later rest is held out for the comparison.</summary>
    public double TrainFraction { get; set; } = DefaultTrainFraction;

    /// <summary>The L2 penalty on standardised coefficients (the intercept is not penalised).</summary>
    public double L2 { get; set; } = DefaultL2;

    /// <summary>Weigh positives by n₋/n₊ while fitting (then recalibrate the intercept), so rare heads are learned at all.</summary>
    public bool BalanceClasses { get; set; } = true;

    /// <summary>
    /// A head with fewer positives (or negatives) in the training part keeps the active version's head; one with fewer
    /// in the held-out part is not compared for promotion.
    /// </summary>
    public int MinPositives { get; set; } = DefaultMinPositives;

    /// <summary>With fewer labelled items the run trains nothing and says so.</summary>
    public int MinExamples { get; set; } = DefaultMinExamples;

    /// <summary>At most this many served items are read (the newest matured ones are kept).</summary>
    public int MaxExamples { get; set; } = DefaultMaxExamples;

    /// <summary>Promotion: no compared head's held-out AUC may be below the active version's by more than this.</summary>
    public double AucTolerance { get; set; } = DefaultAucTolerance;

    /// <summary>Promotion: at least one head's held-out AUC must exceed the active version's by this much.</summary>
    public double MinAucGain { get; set; } = DefaultMinAucGain;

    /// <summary>UTC time of day of the daily run.</summary>
    public TimeSpan DailyAt { get; set; } = DefaultDailyAt;
}
