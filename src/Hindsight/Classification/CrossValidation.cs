namespace Hindsight.Classification;

/// <summary>
/// Stratified k-fold cross-validation of <see cref="TextClassifier"/>: each class's examples are dealt round-robin into
/// the folds (after a seeded shuffle), each fold is predicted by a model trained on the others. Classes with fewer
/// examples than folds cannot be in every fold and are left out (and reported).
/// </summary>
public static class CrossValidation
{
    /// <summary>Evaluates the classifier on labelled texts.</summary>
    /// <exception cref="ArgumentException">Fewer than two classes remain, or folds &lt; 2.</exception>
    public static ClassificationReport Run(IReadOnlyList<(string Text, string Label)> examples, int folds = 5, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var counts = examples.GroupBy(e => e.Label, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var leftOut = counts.Where(c => c.Value < folds).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        var kept = examples.Where(e => !leftOut.ContainsKey(e.Label)).ToList();
        var labels = kept.Select(e => e.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (labels.Count < 2)
        {
            throw new ArgumentException($"fewer than two classes have {folds} or more examples");
        }

        var random = new Random(seed);
        var fold = new int[kept.Count];
        foreach (var group in kept.Select((e, i) => (e.Label, i)).GroupBy(x => x.Label, StringComparer.Ordinal))
        {
            var members = group.Select(x => x.i).OrderBy(_ => random.Next()).ToList();
            for (var k = 0; k < members.Count; k++)
            {
                fold[members[k]] = k % folds;
            }
        }

        var predicted = new string[kept.Count];
        for (var f = 0; f < folds; f++)
        {
            var model = TextClassifier.Train(kept.Where((_, i) => fold[i] != f));
            for (var i = 0; i < kept.Count; i++)
            {
                if (fold[i] == f)
                {
                    predicted[i] = model.Predict(kept[i].Text)[0].Label;
                }
            }
        }

        var actual = kept.Select(e => e.Label).ToArray();
        var majority = labels.MaxBy(l => actual.Count(a => a == l))!;
        var figures = Figures(labels, actual, predicted);
        var baseline = Figures(labels, actual, [.. actual.Select(_ => majority)]);
        return new ClassificationReport(
            kept.Count, folds,
            (double)actual.Zip(predicted).Count(p => p.First == p.Second) / kept.Count,
            figures.Average(c => c.F1),
            (double)actual.Count(a => a == majority) / kept.Count,
            baseline.Average(c => c.F1),
            figures,
            leftOut);
    }

    private static List<ClassFigures> Figures(List<string> labels, string[] actual, string[] predicted) =>
        [.. labels.Select(label =>
        {
            var tp = actual.Zip(predicted).Count(p => p.First == label && p.Second == label);
            var predictedAs = predicted.Count(p => p == label);
            var support = actual.Count(a => a == label);
            var precision = predictedAs == 0 ? 0 : (double)tp / predictedAs;
            var recall = support == 0 ? 0 : (double)tp / support;
            return new ClassFigures(label, support, precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
        })];
}
