namespace Hindsight.Classification;

/// <summary>
/// Multinomial logistic regression over sparse vectors, fitted by L-BFGS: minimises the weighted mean cross-entropy
/// plus <c>λ/2·‖W‖²</c> (the intercepts are not penalised), with <c>λ = 1 / (C·n)</c> as in the usual formulation
/// <c>C·Σ loss + ½‖W‖²</c>.
/// </summary>
internal sealed class SoftmaxRegression
{
    private const int Parts = 4;
    private const int ParallelFrom = 2_000;

    private readonly double[] _w; // class-major: [class * (features + 1) + feature], the last column the intercept
    private readonly int _features;

    private SoftmaxRegression(double[] w, int classes, int features)
    {
        _w = w;
        Classes = classes;
        _features = features;
    }

    /// <summary>How many classes.</summary>
    public int Classes { get; }

    /// <summary>Fits the model.</summary>
    /// <param name="x">The examples.</param>
    /// <param name="y">Their classes (0 … classes − 1).</param>
    /// <param name="weight">Each example's weight.</param>
    /// <param name="classes">How many classes.</param>
    /// <param name="features">How many features.</param>
    /// <param name="c">The inverse regularisation strength.</param>
    public static SoftmaxRegression Fit(IReadOnlyList<SparseVector> x, int[] y, double[] weight, int classes, int features, double c)
    {
        var width = features + 1;
        var w = new double[classes * width];
        var totalWeight = weight.Sum();
        var lambda = 1 / (c * totalWeight);
        // the examples are cut into a fixed number of parts whose losses and gradients are summed in order: parallel on
        // every machine, and the same result on every machine
        var parts = x.Count >= ParallelFrom ? Parts : 1;
        var partGradients = Enumerable.Range(0, parts).Select(_ => new double[w.Length]).ToArray();
        var partLosses = new double[parts];
        Lbfgs.Minimise(
            (point, gradient) =>
            {
                Parallel.For(0, parts, part =>
                {
                    var g = partGradients[part];
                    Array.Clear(g);
                    var logits = new double[classes];
                    double partLoss = 0;
                    for (var i = part * x.Count / parts; i < (part + 1) * x.Count / parts; i++)
                    {
                        Logits(point, width, features, x[i], logits);
                        var logSum = LogSumExp(logits);
                        partLoss -= weight[i] * (logits[y[i]] - logSum);
                        for (var k = 0; k < classes; k++)
                        {
                            var residual = weight[i] * (Math.Exp(logits[k] - logSum) - (k == y[i] ? 1 : 0));
                            var row = k * width;
                            var v = x[i];
                            for (var j = 0; j < v.Index.Length; j++)
                            {
                                g[row + v.Index[j]] += residual * v.Value[j];
                            }

                            g[row + features] += residual;
                        }
                    }

                    partLosses[part] = partLoss;
                });
                Array.Copy(partGradients[0], gradient, gradient.Length);
                for (var part = 1; part < parts; part++)
                {
                    var g = partGradients[part];
                    for (var p = 0; p < gradient.Length; p++)
                    {
                        gradient[p] += g[p];
                    }
                }

                var loss = partLosses.Sum();
                loss /= totalWeight;
                double penalty = 0;
                for (var k = 0; k < classes; k++)
                {
                    for (var j = 0; j < features; j++)
                    {
                        var p = k * width + j;
                        gradient[p] = (gradient[p] / totalWeight) + (lambda * point[p]);
                        penalty += point[p] * point[p];
                    }

                    gradient[(k * width) + features] /= totalWeight;
                }

                return loss + (lambda / 2 * penalty);
            },
            w);
        return new SoftmaxRegression(w, classes, features);
    }

    /// <summary>The class scores (logits) of a vector.</summary>
    public double[] Scores(SparseVector v)
    {
        var logits = new double[Classes];
        Logits(_w, _features + 1, _features, v, logits);
        return logits;
    }

    /// <summary>The softmax of scores divided by a temperature.</summary>
    public static double[] Softmax(double[] scores, double temperature = 1)
    {
        var max = scores.Max();
        var exp = scores.Select(s => Math.Exp((s - max) / temperature)).ToArray();
        var sum = exp.Sum();
        return [.. exp.Select(e => e / sum)];
    }

    private static void Logits(double[] w, int width, int features, SparseVector v, double[] logits)
    {
        for (var k = 0; k < logits.Length; k++)
        {
            var row = k * width;
            var sum = w[row + features];
            for (var j = 0; j < v.Index.Length; j++)
            {
                sum += w[row + v.Index[j]] * v.Value[j];
            }

            logits[k] = sum;
        }
    }

    private static double LogSumExp(double[] values)
    {
        var max = values.Max();
        double sum = 0;
        foreach (var v in values)
        {
            sum += Math.Exp(v - max);
        }

        return max + Math.Log(sum);
    }
}
