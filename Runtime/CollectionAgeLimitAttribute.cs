namespace Recsys.Runtime;

/// <summary>Overrides the idle collection age for one grain class.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class CollectionAgeLimitAttribute : Attribute
{
    public CollectionAgeLimitAttribute(double minutes) => Age = TimeSpan.FromMinutes(minutes);

    public TimeSpan Age { get; }
}
