using Microsoft.Extensions.Options;

namespace Recsys.Runtime.Configuration.Options;

/// <summary>Durable reminders (Orleans' ReminderOptions defaults).</summary>
public sealed class ReminderOptions
{
    /// <summary>The default value for <see cref="MinimumReminderPeriod"/>: one minute.</summary>
    public static readonly TimeSpan DefaultMinimumReminderPeriod = TimeSpan.FromMinutes(1);

    /// <summary>The default value for <see cref="RefreshPeriod"/>: five minutes.</summary>
    public static readonly TimeSpan DefaultRefreshPeriod = TimeSpan.FromMinutes(5);

    /// <summary>Reminders are coarse and durable; shorter periods are timers' work. Registering below this throws.</summary>
    public TimeSpan MinimumReminderPeriod { get; set; } = DefaultMinimumReminderPeriod;

    /// <summary>How often a silo re-reads the reminder table, picking up rows written elsewhere.</summary>
    public TimeSpan RefreshPeriod { get; set; } = DefaultRefreshPeriod;
}

/// <summary>Checks <see cref="ReminderOptions"/>.</summary>
internal sealed class ReminderOptionsValidator : IValidateOptions<ReminderOptions>
{
    public ValidateOptionsResult Validate(string? name, ReminderOptions options) =>
        options.MinimumReminderPeriod <= TimeSpan.Zero || options.RefreshPeriod <= TimeSpan.Zero
            ? ValidateOptionsResult.Fail("ReminderOptions periods must be positive.")
            : ValidateOptionsResult.Success;
}
