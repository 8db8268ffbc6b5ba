using System.Text.Json.Serialization;
using Hindsight.Anomalies;
using Hindsight.Retrieval.Evaluation;

namespace Hindsight.Application.Evaluation;

/// <summary>How well search finds known duplicates: recall at 1, 5 and 10 and the mean reciprocal rank.</summary>
/// <param name="Queries">Queries asked.</param>
/// <param name="RecallAt1">Share of queries with a known duplicate first.</param>
/// <param name="RecallAt5">… in the first five.</param>
/// <param name="RecallAt10">… in the first ten.</param>
/// <param name="Mrr">Mean reciprocal rank of the first known duplicate.</param>
public sealed record RetrievalFigure(
    int Queries,
    [property: JsonPropertyName("recall_at_1")] double RecallAt1,
    [property: JsonPropertyName("recall_at_5")] double RecallAt5,
    [property: JsonPropertyName("recall_at_10")] double RecallAt10,
    double Mrr)
{
    /// <summary>The figure of scores.</summary>
    public static RetrievalFigure Of(RetrievalScores s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new RetrievalFigure(s.Queries, s.RecallAt1, s.RecallAt5, s.RecallAt10, s.Mrr);
    }
}

/// <summary>A retrieval evaluation: the engine's figures, and what a baseline or untrained weights get on the same queries.</summary>
/// <param name="Queries">Queries asked.</param>
/// <param name="RecallAt1">Share of queries with a known duplicate first.</param>
/// <param name="RecallAt5">… in the first five.</param>
/// <param name="RecallAt10">… in the first ten.</param>
/// <param name="Mrr">Mean reciprocal rank.</param>
public sealed record RetrievalEvaluationResult(
    int Queries,
    [property: JsonPropertyName("recall_at_1")] double RecallAt1,
    [property: JsonPropertyName("recall_at_5")] double RecallAt5,
    [property: JsonPropertyName("recall_at_10")] double RecallAt10,
    double Mrr)
{
    /// <summary>Records whose links weights were learned from (a split run).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? TrainedQueries { get; init; }

    /// <summary>Ranking pairs learned from (a split run).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? TrainedPairs { get; init; }

    /// <summary>The same queries with the weights before training (a split run).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RetrievalFigure? Untrained { get; init; }

    /// <summary>The weights learned (a split run).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, double>? Weights { get; init; }

    /// <summary>The sentence model the semantic feature used, or null when it was off.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SemanticUse? Semantic { get; init; }

    /// <summary>SQLite FTS5 bm25 on the same records and queries, when asked.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RetrievalFigure? Fts5 { get; init; }
}

/// <summary>Per-class figures of a classifier evaluation.</summary>
/// <param name="Label">The class.</param>
/// <param name="Support">Examples of it.</param>
/// <param name="Precision">Precision.</param>
/// <param name="Recall">Recall.</param>
/// <param name="F1">F1.</param>
public sealed record ClassFigure(string Label, int Support, double Precision, double Recall, double F1);

/// <summary>A stratified k-fold evaluation of the failure-mode classifier.</summary>
/// <param name="Examples">Labelled examples.</param>
/// <param name="Unlabelled">Records without a label, skipped.</param>
/// <param name="Folds">Folds.</param>
/// <param name="Accuracy">Accuracy.</param>
/// <param name="MacroF1">Macro-averaged F1.</param>
/// <param name="MajorityBaseline">Accuracy of always answering the majority class.</param>
/// <param name="MajorityMacroF1">Its macro-F1.</param>
/// <param name="Classes">Per class.</param>
/// <param name="LeftOut">Classes with fewer examples than folds, and how many they have.</param>
public sealed record ClassifierEvaluation(
    int Examples, int Unlabelled, int Folds, double Accuracy, double MacroF1, double MajorityBaseline, double MajorityMacroF1,
    IReadOnlyList<ClassFigure> Classes, IReadOnlyDictionary<string, int> LeftOut)
{
    /// <summary>The fields the texts were made of.</summary>
    public IReadOnlyList<string> TextFields { get; init; } = [];

    /// <summary>Plain multinomial naive Bayes on the same folds.</summary>
    public required BaselineFigure NaiveBayes { get; init; }

    /// <summary>The confidence below which the classifier answers "not sure".</summary>
    public double NotSureBelow { get; init; }

    /// <summary>The share of examples it was sure of.</summary>
    public double SureShare { get; init; }

    /// <summary>Its accuracy on those (null when none).</summary>
    public double? SureAccuracy { get; init; }

    /// <summary>Expected calibration error of its confidences (10 bins; 0 is perfectly calibrated).</summary>
    public double CalibrationError { get; init; }
}

/// <summary>A baseline classifier's figures on the same folds.</summary>
/// <param name="Accuracy">Accuracy.</param>
/// <param name="MacroF1">Macro-averaged F1.</param>
public sealed record BaselineFigure(double Accuracy, double MacroF1);

/// <summary>Window scores of a detector.</summary>
/// <param name="Precision">Precision.</param>
/// <param name="Recall">Recall.</param>
/// <param name="F1">F1.</param>
/// <param name="Windows">Labelled windows.</param>
/// <param name="Hits">Windows detected.</param>
/// <param name="FalsePositives">Detections outside every window.</param>
public sealed record WindowFigure(double Precision, double Recall, double F1, int Windows, int Hits, int FalsePositives)
{
    /// <summary>The figure of a score.</summary>
    public static WindowFigure Of(WindowScore s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new WindowFigure(Math.Round(s.Precision, 4), Math.Round(s.Recall, 4), Math.Round(s.F1, 4), s.Windows, s.Hits, s.FalsePositives);
    }
}

/// <summary>One series' scores.</summary>
/// <param name="Detector">The engine's detector.</param>
/// <param name="Baseline">The 3-sigma baseline.</param>
public sealed record SeriesFigure(WindowFigure Detector, WindowFigure Baseline);

/// <summary>The anomaly detector on labelled series, beside a 3-sigma baseline.</summary>
/// <param name="Series">Series scored.</param>
/// <param name="Precision">Overall precision.</param>
/// <param name="Recall">Overall recall.</param>
/// <param name="F1">Overall F1.</param>
/// <param name="Baseline">The baseline overall.</param>
/// <param name="PerSeries">Each series.</param>
public sealed record AnomalyEvaluation(int Series, double Precision, double Recall, double F1, WindowFigure Baseline, IReadOnlyDictionary<string, SeriesFigure> PerSeries)
{
    /// <summary>The detector's overall score with counts.</summary>
    [JsonIgnore]
    public WindowScore Overall { get; init; } = new(0, 0, 0);

    /// <summary>The baseline's overall score with counts.</summary>
    [JsonIgnore]
    public WindowScore BaselineOverall { get; init; } = new(0, 0, 0);

    /// <summary>The Numenta Anomaly Benchmark's normalised score under its standard profile (100 perfect, 0 detecting nothing); null without windows.</summary>
    public double? NabStandard { get; init; }

    /// <summary>The same for the 3-sigma baseline.</summary>
    public double? BaselineNabStandard { get; init; }
}

/// <summary>One labelled series to score.</summary>
/// <param name="Name">Its name (the key of its windows).</param>
/// <param name="Times">Sample times.</param>
/// <param name="Values">Sample values.</param>
/// <param name="Windows">The labelled anomaly windows.</param>
public sealed record LabelledSeries(string Name, IReadOnlyList<DateTimeOffset> Times, IReadOnlyList<double> Values, IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> Windows);

/// <summary>The sentence model an evaluation used and what computing its vectors cost.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="Vectors">Records given a vector (those with English text).</param>
/// <param name="VectorsPerSecond">How fast they were computed on this machine.</param>
public sealed record SemanticUse(
    string Model,
    int Vectors,
    [property: JsonPropertyName("vectors_per_s")] double VectorsPerSecond);
