using System.Globalization;
using Hindsight.Anomalies;
using Hindsight.Application.Retrieval;
using Hindsight.Classification;
using Hindsight.Errors;
using Hindsight.Graphs;
using Hindsight.Incidents;
using Hindsight.Retrieval;
using Hindsight.Retrieval.Evaluation;
using Hindsight.Retrieval.Training;
using Hindsight.Semantics;
using Hindsight.Storage.Baselines;

namespace Hindsight.Application.Evaluation;

/// <summary>Measuring the engine on a team's own labelled data (no store needed): retrieval, the classifier and the anomaly detector.</summary>
public static class Evaluations
{
    /// <summary>
    /// Uses every linked record as a query against all others: recall@1/5/10 and MRR; with <paramref name="trainFraction"/>,
    /// learns weights on the links of that random fraction and evaluates on the rest; with <paramref name="fts5"/>, SQLite
    /// FTS5 bm25 on the same queries.
    /// </summary>
    /// <param name="incidents">The records.</param>
    /// <param name="weights">Weights as <c>name=value,…</c>, or null for the defaults.</param>
    /// <param name="trainFraction">A fraction in (0, 1), or null.</param>
    /// <param name="seed">The split's seed.</param>
    /// <param name="fts5">Whether to run the baseline too.</param>
    /// <param name="now">The time queries are asked at.</param>
    /// <param name="embedder">The sentence model of the semantic feature, or null to leave it out.</param>
    /// <param name="cancellationToken">Cancels computing the vectors.</param>
    public static RetrievalEvaluationResult Retrieval(IReadOnlyList<Incident> incidents, string? weights, double? trainFraction, int seed, bool fts5, DateTimeOffset now,
        ITextEmbedder? embedder = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        if (trainFraction is { } f && (f <= 0 || f >= 1 || double.IsNaN(f)))
        {
            throw HindsightException.BadInput("train_fraction", $"{f} is out of range", "a number between 0 and 1 (e.g. 0.5)");
        }

        var start = ParseWeights(weights);
        var index = new IncidentIndex();
        foreach (var incident in incidents)
        {
            index.Add(incident);
        }

        SemanticUse? semantic = null;
        if (embedder is not null)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var byId = incidents.GroupBy(i => i.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
            var vectors = SentenceVectors.Fill(index, byId, embedder, cancellationToken);
            var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
            semantic = new SemanticUse(embedder.Model, vectors, Math.Round(vectors / Math.Max(seconds, 1e-3), 1));
        }

        var queries = RetrievalEvaluation.Queries(incidents);
        var graph = DependencyGraph.Empty;
        RetrievalEvaluationResult report;
        if (trainFraction is { } fraction)
        {
            var (train, test) = LinkSplit.Split(queries, fraction, seed);
            var testIds = test.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
            var pairs = TrainingPairs.FromLinks(index, train, id => !testIds.Contains(id), start, graph, now);
            var run = PairwiseTrainer.Train(pairs, start, new AdagradOptimizer(SimilarityFeatures.Count), WeightTraining.Epochs, seed);
            report = Of(RetrievalEvaluation.Evaluate(index, test, run.Weights, graph, now)) with
            {
                TrainedQueries = train.Count,
                TrainedPairs = run.Pairs,
                Untrained = RetrievalFigure.Of(RetrievalEvaluation.Evaluate(index, test, start, graph, now)),
                Weights = run.Weights.ToDictionary().ToDictionary(p => p.Key, p => Math.Round(p.Value, 4)),
            };
            queries = test;
        }
        else
        {
            report = Of(RetrievalEvaluation.Evaluate(index, queries, start, graph, now));
        }

        report = report with { Semantic = semantic };
        if (fts5)
        {
            using var baseline = new Fts5Baseline(incidents.Select(i => (i.Id, i.Title, i.Summary)));
            report = report with
            {
                Fts5 = RetrievalFigure.Of(RetrievalEvaluation.Evaluate(queries, q => baseline.Search(q.Title + "\n" + q.Summary, RetrievalEvaluation.Depth, exclude: q.Id))),
            };
        }

        return report;
    }

    /// <summary>
    /// Stratified k-fold evaluation of the failure-mode classifier on a labelled file (<see cref="LabelledTexts.Read"/>),
    /// beside the majority class and a plain multinomial naive Bayes on the same folds.
    /// </summary>
    /// <param name="path">A JSON Lines file (or a JSON array of records).</param>
    /// <param name="labelField">The field holding the class.</param>
    /// <param name="textFields">The fields holding the text, or null for every free-text field.</param>
    /// <param name="folds">Folds (at least 2).</param>
    /// <exception cref="HindsightException">Bad input: the file, the folds, or fewer than two classes with enough examples.</exception>
    public static ClassifierEvaluation Classifier(string path, string labelField, IReadOnlyList<string>? textFields, int folds)
    {
        if (folds < 2)
        {
            throw HindsightException.BadInput("folds", $"{folds} is too few", "at least 2");
        }

        var texts = LabelledTexts.Read(path, labelField, textFields);
        ClassificationReport report;
        try
        {
            report = CrossValidation.Run(texts.Examples, folds);
        }
        catch (ArgumentException ex)
        {
            throw new HindsightException(new HindsightError(ErrorKind.BadInput, ex.Message) { Source = path, Field = labelField });
        }

        return new ClassifierEvaluation(
            report.Examples, texts.Unlabelled, report.Folds, Math.Round(report.Accuracy, 4), Math.Round(report.MacroF1, 4), Math.Round(report.MajorityBaseline, 4),
            Math.Round(report.MajorityMacroF1, 4),
            [.. report.Classes.Select(c => new ClassFigure(c.Label, c.Support, Math.Round(c.Precision, 4), Math.Round(c.Recall, 4), Math.Round(c.F1, 4)))],
            report.LeftOut)
        {
            TextFields = texts.TextFields,
            NaiveBayes = new BaselineFigure(Math.Round(report.NaiveBayesAccuracy, 4), Math.Round(report.NaiveBayesMacroF1, 4)),
            NotSureBelow = TextClassifier.NotSureBelow,
            SureShare = Math.Round(report.SureShare, 4),
            SureAccuracy = report.SureAccuracy is { } a ? Math.Round(a, 4) : null,
            CalibrationError = Math.Round(report.CalibrationError, 4),
        };
    }

    /// <summary>The robust anomaly detector on labelled series, beside a 3-sigma baseline, scored by window.</summary>
    public static AnomalyEvaluation Anomalies(IReadOnlyList<LabelledSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var rows = series.Select(s =>
        {
            var found = new RobustDetector().Detect(s.Times, s.Values).ToList();
            var flagged = ThreeSigmaDetector.Detect(s.Values).ToList();
            var ours = WindowScore.Of([.. found.Select(i => s.Times[i])], s.Windows);
            var baseline = WindowScore.Of([.. flagged.Select(i => s.Times[i])], s.Windows);
            return (s.Name, Ours: ours, Baseline: baseline, Nab: NabScore.Of(s.Times, found, s.Windows), BaselineNab: NabScore.Of(s.Times, flagged, s.Windows));
        }).ToList();
        var all = WindowScore.Sum(rows.Select(r => r.Ours));
        var allBaseline = WindowScore.Sum(rows.Select(r => r.Baseline));
        return new AnomalyEvaluation(rows.Count, Math.Round(all.Precision, 4), Math.Round(all.Recall, 4), Math.Round(all.F1, 4), WindowFigure.Of(allBaseline),
            rows.ToDictionary(r => r.Name, r => new SeriesFigure(WindowFigure.Of(r.Ours), WindowFigure.Of(r.Baseline))))
        {
            Overall = all,
            BaselineOverall = allBaseline,
            NabStandard = NabScore.Normalised(rows.Select(r => r.Nab)) is { } nab ? Math.Round(nab, 2) : null,
            BaselineNabStandard = NabScore.Normalised(rows.Select(r => r.BaselineNab)) is { } b ? Math.Round(b, 2) : null,
        };
    }

    /// <summary>Weights from <c>name=value,…</c> (the defaults for the rest); null or empty gives the defaults.</summary>
    public static SimilarityWeights ParseWeights(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return SimilarityWeights.Default;
        }

        var named = new Dictionary<string, double>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || SimilarityFeatures.Parse(part[..eq]) is null
                || !double.TryParse(part[(eq + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw HindsightException.BadInput("weights", $"'{part}' is not NAME=NUMBER", "NAME one of " + string.Join(", ", SimilarityFeatures.All.Select(SimilarityFeatures.Name)));
            }

            named[part[..eq].Trim()] = value;
        }

        return SimilarityWeights.FromDictionary(named);
    }

    private static RetrievalEvaluationResult Of(RetrievalScores s) => new(s.Queries, s.RecallAt1, s.RecallAt5, s.RecallAt10, s.Mrr);
}
