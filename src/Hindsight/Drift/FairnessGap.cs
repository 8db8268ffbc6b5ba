namespace Hindsight.Drift;

/// <summary>A fairness gap and the per-group rates behind it.</summary>
/// <param name="Difference">The largest rate minus the smallest (0 with fewer than two groups).</param>
/// <param name="Rates">The rate of each group.</param>
public sealed record FairnessGap(double Difference, IReadOnlyDictionary<string, double> Rates);
