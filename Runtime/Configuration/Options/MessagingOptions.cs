using Microsoft.Extensions.Options;

namespace Recsys.Runtime.Configuration.Options;

/// <summary>Grain call delivery (Orleans' MessagingOptions defaults).</summary>
public sealed class MessagingOptions
{
    /// <summary>The default value for <see cref="ResponseTimeout"/>: 30 seconds.</summary>
    public static readonly TimeSpan DefaultResponseTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The default value for <see cref="TimeoutSweepPeriod"/>: one second.</summary>
    public static readonly TimeSpan DefaultTimeoutSweepPeriod = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a caller waits before a <see cref="TimeoutException"/>. The outcome is then unknown: the call is
    /// never re-sent (at most once); a request still queued past its deadline is dropped, never run.
    /// </summary>
    public TimeSpan ResponseTimeout { get; set; } = DefaultResponseTimeout;

    /// <summary>How often expired calls are looked for; a timeout fires up to this much late.</summary>
    public TimeSpan TimeoutSweepPeriod { get; set; } = DefaultTimeoutSweepPeriod;
}

/// <summary>Checks <see cref="MessagingOptions"/>.</summary>
internal sealed class MessagingOptionsValidator : IValidateOptions<MessagingOptions>
{
    public ValidateOptionsResult Validate(string? name, MessagingOptions options) =>
        options.ResponseTimeout <= TimeSpan.Zero || options.TimeoutSweepPeriod <= TimeSpan.Zero
            ? ValidateOptionsResult.Fail("MessagingOptions.ResponseTimeout and TimeoutSweepPeriod must be positive.")
            : ValidateOptionsResult.Success;
}
