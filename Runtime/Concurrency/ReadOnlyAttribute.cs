namespace Recsys.Runtime.Concurrency;

/// <summary>A promise that the method does not change state: read-only calls interleave with each other.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadOnlyAttribute : Attribute
{
}
