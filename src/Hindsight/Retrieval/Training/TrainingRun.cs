namespace Hindsight.Retrieval.Training;

/// <summary>The outcome of training: the weights and the mean loss before training and at each checkpoint.</summary>
/// <param name="Weights">The learned weights.</param>
/// <param name="Losses">Loss at the start (index 0) and after each checkpoint (an epoch unless asked otherwise).</param>
/// <param name="Pairs">How many ranking pairs were trained on.</param>
public sealed record TrainingRun(SimilarityWeights Weights, IReadOnlyList<double> Losses, int Pairs)
{
    /// <summary>
    /// The first checkpoint after which the loss has made 99 % of the way from its start to <paramref name="target"/>
    /// (the best loss reached by any optimiser compared), or null when it never does.
    /// </summary>
    public int? CheckpointsToConverge(double target)
    {
        var start = Losses[0];
        for (var e = 1; e < Losses.Count; e++)
        {
            if (Losses[e] - target <= 0.01 * (start - target))
            {
                return e;
            }
        }

        return null;
    }
}
