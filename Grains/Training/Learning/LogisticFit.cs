namespace Recsys.Grains.Training.Learning;

/// <summary>
/// A fitted logistic head in the units of its (transformed, unstandardised) inputs: σ(intercept + Σ weight·x),
/// calibrated to the real class balance; a feature that did not vary in training weighs 0.
/// </summary>
public sealed record LogisticFit(double Intercept, IReadOnlyList<double> Weights, int Iterations, bool Converged);
