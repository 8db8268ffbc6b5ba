using Hindsight.Statistics;
namespace Hindsight.Drift;

/// <summary>The drift of every compared column and the fairness gaps of each file.</summary>
/// <param name="Columns">One entry per compared column.</param>
/// <param name="Fairness">The fairness gaps of the baseline and the current file, when asked for.</param>
public sealed record DriftReport(IReadOnlyList<ColumnDrift> Columns, IReadOnlyList<FairnessReport> Fairness)
{
    /// <summary>The worst verdict of any column.</summary>
    public DriftVerdict Verdict => Columns.Count == 0 ? DriftVerdict.Stable : Columns.Max(c => c.Psi.Verdict);
}

/// <summary>How one column moved between the baseline and the current data.</summary>
/// <param name="Column">The column.</param>
/// <param name="Categorical">Whether it was compared as categories.</param>
/// <param name="BaselineCount">Non-empty values in the baseline.</param>
/// <param name="CurrentCount">Non-empty values in the current data.</param>
/// <param name="Psi">The population stability index and its bins.</param>
/// <param name="Ks">The Kolmogorov–Smirnov tests, for a numeric column.</param>
/// <param name="ChiSquare">The chi-square test of baseline against current counts, for a categorical column.</param>
public sealed record ColumnDrift(string Column, bool Categorical, int BaselineCount, int CurrentCount, PsiResult Psi, KsTests? Ks, ChiSquareResult? ChiSquare);

/// <summary>The two-sample KS test under each alternative.</summary>
/// <param name="TwoSided">Two-sided.</param>
/// <param name="Greater">The baseline's CDF above the current one's (values moved up).</param>
/// <param name="Less">The baseline's CDF below the current one's (values moved down).</param>
public sealed record KsTests(KsResult TwoSided, KsResult Greater, KsResult Less);

/// <summary>The fairness gaps of one file.</summary>
/// <param name="File">The file.</param>
/// <param name="DemographicParity">The gap in positive-prediction rates.</param>
/// <param name="EqualOpportunity">The gap in true-positive rates, when a label column was given.</param>
public sealed record FairnessReport(string File, FairnessGap DemographicParity, FairnessGap? EqualOpportunity);
