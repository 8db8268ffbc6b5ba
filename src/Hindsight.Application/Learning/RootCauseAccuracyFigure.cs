using Hindsight.Confirmations;

namespace Hindsight.Application.Learning;

/// <summary>Root-cause accuracy.</summary>
/// <param name="Accuracy">Correct suggestions over confirmed suggestions.</param>
/// <param name="NotSure">Confirmed incidents the classifier had been unsure of.</param>
/// <param name="PerClass">Per confirmed failure mode.</param>
public sealed record RootCauseAccuracyFigure(RateFigure Accuracy, int NotSure, IReadOnlyList<ClassAccuracy> PerClass);
