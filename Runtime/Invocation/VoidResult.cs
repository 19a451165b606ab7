namespace Recsys.Runtime.Invocation;

/// <summary>The result of a method that returns Task or ValueTask.</summary>
public readonly struct VoidResult
{
}
