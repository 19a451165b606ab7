using MathNet.Numerics.LinearAlgebra;

namespace Recsys.Grains.Training.Learning;

/// <summary>
/// L2-regularised logistic regression by Newton's method (iteratively reweighted least squares), solved with
/// MathNet's Cholesky factorisation. Inputs are standardised first (zero mean, unit variance), which keeps the
/// Hessian well conditioned and makes one penalty fit every feature; the intercept is not penalised. With
/// <c>balanceClasses</c> each positive weighs n₋/n₊ so a rare label still shapes the fit, and the intercept is then
/// shifted back by ln(n₋/n₊) (prior correction, King and Zeng 2001, "Logistic Regression in Rare Events Data"), so the
/// probabilities stay calibrated: the heavy ranker's score adds them up with the published weights.
/// </summary>
public static class LogisticRegression
{
    private const double MinStandardDeviation = 1e-9;

    public static LogisticFit Fit(IReadOnlyList<double[]> x, IReadOnlyList<bool> y, double l2, bool balanceClasses, int maxIterations = 50, double tolerance = 1e-6)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(x.Count, y.Count);
        ArgumentOutOfRangeException.ThrowIfZero(x.Count);
        var features = x[0].Length;
        var positives = y.Count(l => l);
        var negatives = y.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            throw new ArgumentException("both classes are needed to fit a logistic model", nameof(y));
        }

        var (mean, sd) = Moments(x, features);
        var used = Enumerable.Range(0, features).Where(j => sd[j] > MinStandardDeviation).ToArray();
        var k = used.Length + 1; // intercept first
        var positiveWeight = balanceClasses ? negatives / (double)positives : 1;
        var scale = y.Count / (positives * positiveWeight + negatives); // sample weights sum to n, so l2 means the same either way

        var beta = Vector<double>.Build.Dense(k);
        var z = new double[k];
        var iterations = 0;
        var converged = false;
        while (iterations < maxIterations && !converged)
        {
            iterations++;
            var hessian = Matrix<double>.Build.Dense(k, k);
            var gradient = Vector<double>.Build.Dense(k);
            for (var i = 0; i < x.Count; i++)
            {
                Standardise(x[i], used, mean, sd, z);
                var eta = 0.0;
                for (var a = 0; a < k; a++)
                {
                    eta += beta[a] * z[a];
                }

                var p = 1 / (1 + Math.Exp(-eta));
                var s = scale * (y[i] ? positiveWeight : 1);
                var residual = s * ((y[i] ? 1 : 0) - p);
                var w = s * p * (1 - p);
                for (var a = 0; a < k; a++)
                {
                    gradient[a] += residual * z[a];
                    var wa = w * z[a];
                    for (var b = 0; b <= a; b++)
                    {
                        hessian[a, b] += wa * z[b];
                    }
                }
            }

            for (var a = 0; a < k; a++)
            {
                for (var b = 0; b < a; b++)
                {
                    hessian[b, a] = hessian[a, b];
                }

                if (a > 0)
                {
                    hessian[a, a] += l2;
                    gradient[a] -= l2 * beta[a];
                }
            }

            hessian[0, 0] += 1e-9; // a separable intercept must not make the system singular
            var step = hessian.Cholesky().Solve(gradient);
            beta += step;
            converged = step.AbsoluteMaximum() < tolerance;
        }

        // Back to the units of the inputs: w_j = β_j/σ_j, b = β_0 − Σ β_j μ_j/σ_j, minus the class-weight shift.
        var weights = new double[features];
        var intercept = beta[0] - Math.Log(positiveWeight);
        for (var u = 0; u < used.Length; u++)
        {
            var j = used[u];
            weights[j] = beta[u + 1] / sd[j];
            intercept -= beta[u + 1] * mean[j] / sd[j];
        }

        return new LogisticFit(intercept, weights, iterations, converged);
    }

    private static void Standardise(double[] row, int[] used, double[] mean, double[] sd, double[] z)
    {
        z[0] = 1;
        for (var u = 0; u < used.Length; u++)
        {
            var j = used[u];
            z[u + 1] = (row[j] - mean[j]) / sd[j];
        }
    }

    private static (double[] Mean, double[] Sd) Moments(IReadOnlyList<double[]> x, int features)
    {
        var mean = new double[features];
        var sd = new double[features];
        foreach (var row in x)
        {
            for (var j = 0; j < features; j++)
            {
                mean[j] += row[j];
            }
        }

        for (var j = 0; j < features; j++)
        {
            mean[j] /= x.Count;
        }

        foreach (var row in x)
        {
            for (var j = 0; j < features; j++)
            {
                var d = row[j] - mean[j];
                sd[j] += d * d;
            }
        }

        for (var j = 0; j < features; j++)
        {
            sd[j] = Math.Sqrt(sd[j] / x.Count);
        }

        return (mean, sd);
    }
}
