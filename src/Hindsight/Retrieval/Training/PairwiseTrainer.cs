namespace Hindsight.Retrieval.Training;

/// <summary>
/// Learns weights that rank relevant results above non-relevant ones: pairwise logistic loss
/// log(1 + exp(−w·(better − worse))) plus a small L2 penalty, one stochastic step per pair, weights kept non-negative
/// so that every feature can only add to similarity.
/// </summary>
public static class PairwiseTrainer
{
    /// <summary>
    /// The L2 penalty on the distance from the starting weights: keeps weights finite when the pairs are separable and
    /// stops a small history from talking the engine out of what it knew.
    /// </summary>
    public const double L2 = 0.1;

    /// <summary>
    /// Trains for <paramref name="epochs"/> passes over the pairs in a seeded random order, recording the loss every
    /// <paramref name="lossEvery"/> steps (default: once per epoch).
    /// </summary>
    public static TrainingRun Train(IReadOnlyList<RankingPair> pairs, SimilarityWeights start, IWeightOptimizer optimizer, int epochs, int seed = 1, int? lossEvery = null)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(optimizer);
        var w = start.Values.ToArray();
        var prior = start.Values.ToArray();
        var losses = new List<double> { Loss(pairs, w, prior) };
        var order = Enumerable.Range(0, pairs.Count).ToArray();
        var random = new Random(seed);
        var gradient = new double[w.Length];
        var every = Math.Max(1, lossEvery ?? pairs.Count);
        var steps = 0;
        for (var epoch = 0; epoch < epochs && pairs.Count > 0; epoch++)
        {
            random.Shuffle(order);
            foreach (var p in order)
            {
                Gradient(pairs[p], w, prior, gradient);
                optimizer.Update(w, gradient);
                for (var i = 0; i < w.Length; i++)
                {
                    w[i] = Math.Max(0, w[i]);
                }

                if (++steps % every == 0)
                {
                    losses.Add(Loss(pairs, w, prior));
                }
            }
        }

        return new TrainingRun(new SimilarityWeights(w), losses, pairs.Count);
    }

    /// <summary>The mean loss over all pairs at weights <paramref name="w"/>, with the penalty for straying from <paramref name="prior"/>.</summary>
    public static double Loss(IReadOnlyList<RankingPair> pairs, ReadOnlySpan<double> w, ReadOnlySpan<double> prior)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs.Count == 0)
        {
            return 0;
        }

        var sum = 0.0;
        foreach (var pair in pairs)
        {
            var z = Margin(pair, w);
            sum += z > 30 ? Math.Exp(-z) : Math.Log(1 + Math.Exp(-z));
        }

        var penalty = 0.0;
        for (var i = 0; i < w.Length; i++)
        {
            penalty += (w[i] - prior[i]) * (w[i] - prior[i]);
        }

        return (sum / pairs.Count) + (L2 / 2 * penalty);
    }

    private static void Gradient(RankingPair pair, ReadOnlySpan<double> w, ReadOnlySpan<double> prior, Span<double> gradient)
    {
        var z = Margin(pair, w);
        var s = 1 / (1 + Math.Exp(z)); // σ(−z)
        for (var i = 0; i < w.Length; i++)
        {
            gradient[i] = (-s * (pair.Better[i] - pair.Worse[i])) + (L2 * (w[i] - prior[i]));
        }
    }

    private static double Margin(RankingPair pair, ReadOnlySpan<double> w)
    {
        var z = 0.0;
        for (var i = 0; i < w.Length; i++)
        {
            z += w[i] * (pair.Better[i] - pair.Worse[i]);
        }

        return z;
    }
}
