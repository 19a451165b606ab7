using System.Reflection;
using Microsoft.Extensions.Options;
using Recsys.Grains.Timeline.Params;

namespace Recsys.Grains.Timeline;

/// <summary>Checks every bounded knob of <see cref="ForYouParams"/> against its bounds, naming the param at fault.</summary>
public sealed class ForYouParamsValidator : IValidateOptions<ForYouParams>
{
    private static readonly (PropertyInfo Property, ParamBoundsAttribute Bounds)[] Bounded = typeof(ForYouParams).GetProperties()
        .Select(p => (p, p.GetCustomAttribute<ParamBoundsAttribute>()!))
        .Where(p => p.Item2 is not null)
        .ToArray();

    public ValidateOptionsResult Validate(string? name, ForYouParams options)
    {
        var failures = Bounded
            .Where(b => !b.Bounds.Contains(b.Property.GetValue(options)))
            .Select(b => $"{ForYouParams.NameOf(b.Property.Name)} ({b.Property.Name}) must be within {b.Bounds.Describe(b.Property.PropertyType)}, got {b.Property.GetValue(options)}")
            .ToList();
        var timeoutBounds = typeof(ForYouParams).GetProperty(nameof(ForYouParams.SourceTimeout))!.GetCustomAttribute<ParamBoundsAttribute>()!;
        failures.AddRange(options.SourceTimeouts.Where(t => !timeoutBounds.Contains(t.Value))
            .Select(t => $"{ForYouParams.NameOf(nameof(ForYouParams.SourceTimeouts))}[{t.Key}] must be within {timeoutBounds.Describe(typeof(TimeSpan))}, got {t.Value}"));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
