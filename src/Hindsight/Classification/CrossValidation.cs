using Hindsight.Text;

namespace Hindsight.Classification;

/// <summary>
/// Stratified k-fold cross-validation of <see cref="TextClassifier"/> beside a plain multinomial naive Bayes on the
/// same folds: each class's examples are dealt round-robin into the folds (after a seeded shuffle), each fold is
/// predicted by models trained on the others. Classes with fewer examples than folds cannot be in every fold and are
/// left out (and reported).
/// </summary>
public static class CrossValidation
{
    private const int CalibrationBins = 10;

    /// <summary>Evaluates the classifier on labelled texts.</summary>
    /// <exception cref="ArgumentException">Fewer than two classes remain, or folds &lt; 2.</exception>
    public static ClassificationReport Run(IReadOnlyList<(string Text, string Label)> examples, int folds = 5, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var counts = examples.GroupBy(e => e.Label, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var leftOut = counts.Where(c => c.Value < folds).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        var kept = examples.Where(e => !leftOut.ContainsKey(e.Label)).Select(e => (Terms: TextClassifier.Analyse(e.Text), e.Label)).ToList();
        var words = examples.Where(e => !leftOut.ContainsKey(e.Label)).Select(e => (Terms: TermCounts.Of(e.Text), e.Label)).ToList();
        var labels = kept.Select(e => e.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (labels.Count < 2)
        {
            throw new ArgumentException($"fewer than two classes have {folds} or more examples");
        }

        var fold = Folds.Stratified([.. kept.Select(e => e.Label)], folds, seed);
        var predicted = new string[kept.Count];
        var confidence = new double[kept.Count];
        var isSure = new bool[kept.Count];
        var bayes = new string[kept.Count];
        for (var f = 0; f < folds; f++)
        {
            var training = kept.Where((_, i) => fold[i] != f).ToList();
            var model = TextClassifier.Train(training);
            var baseline = NaiveBayes.Train(words.Where((_, i) => fold[i] != f).ToList());
            for (var i = 0; i < kept.Count; i++)
            {
                if (fold[i] == f)
                {
                    var ranked = model.Predict(kept[i].Terms);
                    (predicted[i], confidence[i]) = ranked[0];
                    isSure[i] = TextClassifier.IsSure(ranked);
                    bayes[i] = baseline.Predict(words[i].Terms);
                }
            }
        }

        var actual = kept.Select(e => e.Label).ToArray();
        var majority = labels.MaxBy(l => actual.Count(a => a == l))!;
        var right = actual.Zip(predicted, (a, p) => a == p).ToArray();
        var sure = Enumerable.Range(0, kept.Count).Where(i => isSure[i]).ToList();
        return new ClassificationReport(
            kept.Count, folds,
            Share(right),
            Figures(labels, actual, predicted).Average(c => c.F1),
            (double)actual.Count(a => a == majority) / kept.Count,
            Figures(labels, actual, [.. actual.Select(_ => majority)]).Average(c => c.F1),
            Figures(labels, actual, predicted),
            leftOut)
        {
            NaiveBayesAccuracy = Share(actual.Zip(bayes, (a, p) => a == p)),
            NaiveBayesMacroF1 = Figures(labels, actual, bayes).Average(c => c.F1),
            CalibrationError = CalibrationError(confidence, right),
            SureShare = (double)sure.Count / kept.Count,
            SureAccuracy = sure.Count == 0 ? null : Share(sure.Select(i => right[i])),
        };
    }

    /// <summary>
    /// Expected calibration error (Naeini et al., 2015): predictions binned by confidence into ten equal-width bins, the
    /// mean gap between each bin's confidence and its accuracy, weighted by the bin's share.
    /// </summary>
    internal static double CalibrationError(IReadOnlyList<double> confidence, IReadOnlyList<bool> right)
    {
        double error = 0;
        foreach (var bin in Enumerable.Range(0, confidence.Count).GroupBy(i => Math.Min(CalibrationBins - 1, (int)(confidence[i] * CalibrationBins))))
        {
            var members = bin.ToList();
            error += Math.Abs(members.Average(i => confidence[i]) - members.Average(i => right[i] ? 1.0 : 0)) * members.Count / confidence.Count;
        }

        return error;
    }

    private static double Share(IEnumerable<bool> right)
    {
        var all = right.ToList();
        return all.Count == 0 ? 0 : (double)all.Count(r => r) / all.Count;
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
