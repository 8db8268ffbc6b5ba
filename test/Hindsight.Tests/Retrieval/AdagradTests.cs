using Hindsight.Retrieval;
using Hindsight.Retrieval.Training;

namespace Hindsight.Tests.Retrieval;

public sealed class AdagradTests
{
    [Fact]
    public void Update_FirstStep_MovesEachWeightByTheLearningRate()
    {
        var optimizer = new AdagradOptimizer(2, learningRate: 0.5);
        double[] w = [1, 1];

        optimizer.Update(w, [4, -0.01]);

        // g / sqrt(g²) = sign(g): the first step is the learning rate whatever the gradient's size
        Assert.Equal(0.5, w[0], 6);
        Assert.Equal(1.5, w[1], 6);
        Assert.Equal([16, 0.0001], optimizer.Accumulators.Select(a => Math.Round(a, 8)));
    }

    [Fact]
    public void Update_Quadratic_ConvergesToTheMinimum()
    {
        var optimizer = new AdagradOptimizer(1, learningRate: 1);
        double[] w = [10];
        for (var i = 0; i < 500; i++)
        {
            optimizer.Update(w, [2 * (w[0] - 3)]); // f(w) = (w - 3)²
        }

        Assert.Equal(3, w[0], 2);
    }

    [Fact]
    public void Train_SeparablePairs_LearnsToWeightTheInformativeFeature()
    {
        // feature 1 (ngram) separates relevant from non-relevant; lexical does not
        var pairs = Enumerable.Range(0, 50).Select(i => new RankingPair(Vector(0.5f, 0.9f), Vector(0.5f, 0.1f))).ToList();

        var run = PairwiseTrainer.Train(pairs, SimilarityWeights.Default, new AdagradOptimizer(SimilarityFeatures.Count), 20);

        Assert.True(run.Weights[SimilarityFeature.NGram] > SimilarityWeights.Default[SimilarityFeature.NGram]);
        Assert.True(run.Losses[^1] < run.Losses[0]);
    }

    [Fact]
    public void Train_SmallScaleFeature_AdagradConvergesInFewerStepsThanSgdAtTheSameRate()
    {
        // the informative feature differs by only 0.05: SGD's steps shrink with the gradient, Adagrad's do not
        var pairs = Enumerable.Range(0, 40).Select(i => new RankingPair(Vector(0.05f, 0f), Vector(0f, 0f))).ToList();
        var start = new SimilarityWeights(new double[SimilarityFeatures.Count]);

        var adagrad = PairwiseTrainer.Train(pairs, start, new AdagradOptimizer(SimilarityFeatures.Count, 0.1), 30, lossEvery: 1);
        var sgd = PairwiseTrainer.Train(pairs, start, new SgdOptimizer(0.1), 30, lossEvery: 1);
        var best = Math.Min(adagrad.Losses.Min(), sgd.Losses.Min());

        Assert.NotNull(adagrad.CheckpointsToConverge(best));
        Assert.True(adagrad.CheckpointsToConverge(best) < (sgd.CheckpointsToConverge(best) ?? int.MaxValue));
    }

    [Fact]
    public void Train_KeepsWeightsNonNegative()
    {
        var pairs = Enumerable.Range(0, 30).Select(i => new RankingPair(Vector(0f, 0f), Vector(1f, 1f))).ToList();

        var run = PairwiseTrainer.Train(pairs, SimilarityWeights.Default, new AdagradOptimizer(SimilarityFeatures.Count), 10);

        Assert.All(run.Weights.Values, w => Assert.True(w >= 0));
    }

    private static float[] Vector(float lexical, float ngram)
    {
        var f = new float[SimilarityFeatures.Count];
        f[(int)SimilarityFeature.Lexical] = lexical;
        f[(int)SimilarityFeature.NGram] = ngram;
        return f;
    }
}
