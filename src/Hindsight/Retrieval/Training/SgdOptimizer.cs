namespace Hindsight.Retrieval.Training;

/// <summary>Plain stochastic gradient descent with a fixed learning rate: the baseline Adagrad is compared against.</summary>
public sealed class SgdOptimizer(double learningRate = 0.1) : IWeightOptimizer
{
    /// <summary>The step size.</summary>
    public double LearningRate { get; } = learningRate;

    /// <inheritdoc />
    public string Name => "sgd";

    /// <inheritdoc />
    public void Update(Span<double> weights, ReadOnlySpan<double> gradient)
    {
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] -= LearningRate * gradient[i];
        }
    }
}
