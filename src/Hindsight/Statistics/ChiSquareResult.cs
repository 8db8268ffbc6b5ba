namespace Hindsight.Statistics;

/// <summary>A chi-square test.</summary>
/// <param name="Statistic">Σ (observed − expected)² / expected.</param>
/// <param name="PValue">The chi-square survival function at the statistic.</param>
/// <param name="DegreesOfFreedom">The degrees of freedom.</param>
public sealed record ChiSquareResult(double Statistic, double PValue, int DegreesOfFreedom)
{
    /// <summary>The expected counts (for a contingency table, row total × column total / grand total).</summary>
    public IReadOnlyList<IReadOnlyList<double>> Expected { get; init; } = [];
}
