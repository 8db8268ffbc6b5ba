namespace Hindsight.Classification;

/// <summary>The figures of one class.</summary>
/// <param name="Label">The class.</param>
/// <param name="Support">How many examples it has.</param>
/// <param name="Precision">Of those predicted as it, the share that are.</param>
/// <param name="Recall">Of those that are, the share predicted as it.</param>
/// <param name="F1">The harmonic mean of precision and recall.</param>
public sealed record ClassFigures(string Label, int Support, double Precision, double Recall, double F1);

/// <summary>A cross-validated evaluation.</summary>
/// <param name="Examples">Examples evaluated (after leaving out rare classes).</param>
/// <param name="Folds">Folds.</param>
/// <param name="Accuracy">Share predicted right.</param>
/// <param name="MacroF1">Mean F1 over classes.</param>
/// <param name="MajorityBaseline">Accuracy of always predicting the commonest class.</param>
/// <param name="MajorityMacroF1">Macro-F1 of that baseline.</param>
/// <param name="Classes">Per-class figures.</param>
/// <param name="LeftOut">Classes with fewer examples than folds, and how many each had.</param>
public sealed record ClassificationReport(int Examples, int Folds, double Accuracy, double MacroF1, double MajorityBaseline, double MajorityMacroF1,
    IReadOnlyList<ClassFigures> Classes, IReadOnlyDictionary<string, int> LeftOut)
{
    /// <summary>Accuracy of plain multinomial naive Bayes on the same folds.</summary>
    public double NaiveBayesAccuracy { get; init; }

    /// <summary>Macro-F1 of plain multinomial naive Bayes on the same folds.</summary>
    public double NaiveBayesMacroF1 { get; init; }

    /// <summary>Expected calibration error of the confidences (0 = a confidence of p is right a share p of the time).</summary>
    public double CalibrationError { get; init; }

    /// <summary>The share of examples the classifier was sure of (<see cref="TextClassifier.IsSure"/>).</summary>
    public double SureShare { get; init; }

    /// <summary>The accuracy on those (null when none).</summary>
    public double? SureAccuracy { get; init; }
}
