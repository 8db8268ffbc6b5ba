namespace Hindsight.Retrieval.Training;

/// <summary>
/// Adagrad (Duchi, Hazan and Singer, 2011): each weight's step is the learning rate divided by the root of the sum of
/// its squared gradients so far, so rarely-informative features keep large steps and busy ones settle.
/// </summary>
public sealed class AdagradOptimizer : IWeightOptimizer
{
    private readonly double[] _accumulators;

    /// <summary>An optimiser for <paramref name="dimensions"/> weights, optionally resuming from saved accumulators.</summary>
    public AdagradOptimizer(int dimensions, double learningRate = 0.1, IReadOnlyList<double>? accumulators = null)
    {
        LearningRate = learningRate;
        _accumulators = accumulators is null ? new double[dimensions] : [.. accumulators];
        if (_accumulators.Length != dimensions)
        {
            throw new ArgumentException($"expected {dimensions} accumulators, got {_accumulators.Length}", nameof(accumulators));
        }
    }

    /// <summary>The base step size.</summary>
    public double LearningRate { get; }

    /// <summary>The sums of squared gradients, one per weight.</summary>
    public IReadOnlyList<double> Accumulators => _accumulators;

    /// <inheritdoc />
    public string Name => "adagrad";

    /// <inheritdoc />
    public void Update(Span<double> weights, ReadOnlySpan<double> gradient)
    {
        for (var i = 0; i < weights.Length; i++)
        {
            _accumulators[i] += gradient[i] * gradient[i];
            weights[i] -= LearningRate * gradient[i] / (Math.Sqrt(_accumulators[i]) + 1e-8);
        }
    }
}
