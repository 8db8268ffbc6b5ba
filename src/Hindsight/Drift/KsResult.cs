namespace Hindsight.Drift;

/// <summary>A two-sample Kolmogorov–Smirnov test.</summary>
/// <param name="Statistic">The largest CDF difference in the direction of the alternative.</param>
/// <param name="PValue">The probability of a statistic at least this large when both samples come from one distribution.</param>
/// <param name="Exact">Whether the p-value is exact (lattice-path count) rather than asymptotic.</param>
public sealed record KsResult(double Statistic, double PValue, bool Exact);
