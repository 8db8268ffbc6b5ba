using Hindsight.Retrieval;
using Hindsight.Retrieval.Training;

namespace Hindsight.Application.Retrieval;

/// <summary>
/// Adagrad against plain SGD at several learning rates on the same pairs in the same order: how many steps (single-pair
/// updates) until 99 % of the best loss reduction any of them reached, measured every <see cref="Checkpoint"/> steps.
/// </summary>
internal static class ConvergenceComparison
{
    public static readonly double[] SgdRates = [0.01, 0.03, 0.1, 0.3, 1.0];

    public const int Checkpoint = 10;

    public static IReadOnlyDictionary<string, Convergence> Run(IReadOnlyList<RankingPair> pairs)
    {
        var runs = new List<(string Name, TrainingRun Run)>
        {
            ("adagrad", PairwiseTrainer.Train(pairs, SimilarityWeights.Default, new AdagradOptimizer(SimilarityFeatures.Count, WeightTraining.LearningRate), WeightTraining.Epochs, lossEvery: Checkpoint)),
        };
        foreach (var rate in SgdRates)
        {
            runs.Add(($"sgd@{rate}", PairwiseTrainer.Train(pairs, SimilarityWeights.Default, new SgdOptimizer(rate), WeightTraining.Epochs, lossEvery: Checkpoint)));
        }

        var best = runs.Min(r => r.Run.Losses.Min());
        return runs.ToDictionary(r => r.Name, r => new Convergence(r.Run.CheckpointsToConverge(best) * Checkpoint, Math.Round(r.Run.Losses[^1], 5)));
    }
}
