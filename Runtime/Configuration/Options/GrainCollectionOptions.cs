using Microsoft.Extensions.Options;

namespace Recsys.Runtime.Configuration.Options;

/// <summary>Idle activation collection (Orleans' GrainCollectionOptions defaults).</summary>
public sealed class GrainCollectionOptions
{
    /// <summary>The default value for <see cref="CollectionAge"/>: 15 minutes (Orleans 7 and later).</summary>
    public static readonly TimeSpan DefaultCollectionAge = TimeSpan.FromMinutes(15);

    /// <summary>The default value for <see cref="CollectionQuantum"/>: one minute.</summary>
    public static readonly TimeSpan DefaultCollectionQuantum = TimeSpan.FromMinutes(1);

    /// <summary>How long an activation may receive no call before it is deactivated.</summary>
    public TimeSpan CollectionAge { get; set; } = DefaultCollectionAge;

    /// <summary>How often the collector looks; an activation lives between CollectionAge and CollectionAge + this.</summary>
    public TimeSpan CollectionQuantum { get; set; } = DefaultCollectionQuantum;

    /// <summary>Per grain type name overrides of <see cref="CollectionAge"/> ([CollectionAgeLimit] on the class also works).</summary>
    public Dictionary<string, TimeSpan> ClassSpecificCollectionAge { get; } = new(StringComparer.Ordinal);
}

/// <summary>Checks <see cref="GrainCollectionOptions"/>.</summary>
internal sealed class GrainCollectionOptionsValidator : IValidateOptions<GrainCollectionOptions>
{
    public ValidateOptionsResult Validate(string? name, GrainCollectionOptions options) =>
        options.CollectionAge <= TimeSpan.Zero || options.CollectionQuantum <= TimeSpan.Zero
            ? ValidateOptionsResult.Fail("GrainCollectionOptions.CollectionAge and CollectionQuantum must be positive.")
            : ValidateOptionsResult.Success;
}
