namespace Recsys.Grains.Models;

/// <summary>
/// What a consumer of a model evaluates: the model name, the head it reads and the features it computes, in order.
/// Registered with <c>services.AddModelSchema(...)</c>; an uploaded model is refused unless it compiles against the
/// schemas registered for its name, so a silo never activates a model its code cannot evaluate.
/// </summary>
public sealed record ModelSchema(string Model, string Head, IReadOnlyList<string> Features);
