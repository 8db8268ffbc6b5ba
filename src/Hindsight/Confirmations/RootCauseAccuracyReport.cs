using Hindsight.Metrics;

namespace Hindsight.Confirmations;

/// <summary>Root-cause accuracy, overall and per failure mode.</summary>
/// <param name="Accuracy">Correct suggestions over confirmed suggestions.</param>
/// <param name="NotSure">Confirmed incidents for which the classifier had answered "not sure".</param>
/// <param name="PerClass">Per confirmed failure mode, the most confirmed first.</param>
public sealed record RootCauseAccuracyReport(Ratio Accuracy, int NotSure, IReadOnlyList<ClassAccuracy> PerClass);
