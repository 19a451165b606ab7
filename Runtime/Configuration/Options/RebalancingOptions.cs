using Microsoft.Extensions.Options;

namespace Recsys.Runtime.Configuration.Options;

/// <summary>
/// Moving existing activations to silos that have fewer (after a scale-out). Placement alone only sends new
/// activations to a new silo, as in Orleans; this is the opt-in rebalancer (Orleans' experimental one is off by
/// default too).
/// </summary>
public sealed class RebalancingOptions
{
    /// <summary>The default value for <see cref="Period"/>.</summary>
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromSeconds(15);

    /// <summary>The default value for <see cref="MaxMovesPerPeriod"/>.</summary>
    public const int DefaultMaxMovesPerPeriod = 100;

    /// <summary>The default value for <see cref="Tolerance"/>: 10% above the cluster average.</summary>
    public const double DefaultTolerance = 0.1;

    /// <summary>Rebalance gradually on a timer; off by default (the admin call works either way).</summary>
    public bool Gradual { get; set; }

    /// <summary>How often a silo looks at the cluster's activation counts when rebalancing gradually.</summary>
    public TimeSpan Period { get; set; } = DefaultPeriod;

    /// <summary>At most this many activations leave a silo per period, so a move never floods the new silo.</summary>
    public int MaxMovesPerPeriod { get; set; } = DefaultMaxMovesPerPeriod;

    /// <summary>A silo moves activations only while it holds more than (1 + this) times the average.</summary>
    public double Tolerance { get; set; } = DefaultTolerance;
}

/// <summary>Checks <see cref="RebalancingOptions"/>.</summary>
internal sealed class RebalancingOptionsValidator : IValidateOptions<RebalancingOptions>
{
    public ValidateOptionsResult Validate(string? name, RebalancingOptions options) =>
        options.Period <= TimeSpan.Zero || options.MaxMovesPerPeriod < 1 || options.Tolerance < 0
            ? ValidateOptionsResult.Fail("RebalancingOptions: Period must be positive, MaxMovesPerPeriod at least 1, Tolerance not negative.")
            : ValidateOptionsResult.Success;
}
