namespace Hindsight.Drift;

/// <summary>A PSI with the bins it was computed on.</summary>
/// <param name="Value">The index.</param>
/// <param name="Edges">The inner bin edges for numeric data (empty for categories).</param>
/// <param name="Expected">The baseline's count per bin.</param>
/// <param name="Actual">The current data's count per bin.</param>
public sealed record PsiResult(double Value, IReadOnlyList<double> Edges, IReadOnlyList<double> Expected, IReadOnlyList<double> Actual)
{
    /// <summary>The category of each bin, for categorical data.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>What the seed's thresholds say about this PSI.</summary>
    public DriftVerdict Verdict => DriftVerdicts.Of(Value);
}
