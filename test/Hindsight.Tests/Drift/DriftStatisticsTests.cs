using Hindsight.Drift;
using Hindsight.Statistics;

namespace Hindsight.Tests.Drift;

/// <summary>Hand-checkable cases and invariants of the drift statistics (no shared data needed).</summary>
public sealed class DriftStatisticsTests
{
    [Fact]
    public void Psi_FromCounts_IsTheHandComputedValue() =>
        Assert.Equal(2 * 0.3 * Math.Log(2.5), PopulationStability.FromCounts([50, 30, 20], [20, 30, 50]), 12);

    [Fact]
    public void Psi_SameDistribution_IsZero_AndItIsSymmetric()
    {
        Assert.Equal(0, PopulationStability.FromCounts([10, 20, 30], [1, 2, 3]), 12);
        Assert.Equal(PopulationStability.FromCounts([5, 1, 4], [2, 6, 2]), PopulationStability.FromCounts([2, 6, 2], [5, 1, 4]), 12);
    }

    [Fact]
    public void Psi_EmptyBin_UsesTheFloorInsteadOfInfinity()
    {
        var psi = PopulationStability.FromCounts([100, 0], [50, 50]);

        var expected = ((0.5 - 1.0) * Math.Log(0.5 / 1.0)) + ((0.5 - PopulationStability.Floor) * Math.Log(0.5 / PopulationStability.Floor));
        Assert.Equal(expected, psi, 12);
        Assert.Equal(DriftVerdict.Retrain, DriftVerdicts.Of(psi));
    }

    [Theory]
    [InlineData(0.2, DriftVerdict.Stable)]
    [InlineData(0.2000001, DriftVerdict.Warn)]
    [InlineData(0.25, DriftVerdict.Warn)]
    [InlineData(0.2500001, DriftVerdict.Retrain)]
    public void Verdict_FollowsTheRegisterThresholds(double psi, DriftVerdict verdict) => Assert.Equal(verdict, DriftVerdicts.Of(psi));

    [Fact]
    public void Psi_FromSamples_BinsAtTheBaselineDeciles()
    {
        var baseline = Enumerable.Range(1, 100).Select(i => (double)i).ToArray();

        var same = PopulationStability.FromSamples(baseline, baseline);
        var shifted = PopulationStability.FromSamples(baseline, [.. baseline.Select(v => v + 30)]);

        Assert.Equal(9, same.Edges.Count);
        Assert.All(same.Expected, c => Assert.Equal(10, c));
        Assert.Equal(0, same.Value, 12);
        Assert.True(shifted.Value > DriftVerdicts.RetrainAbove);
        Assert.Equal(100, shifted.Actual.Sum());
    }

    [Fact]
    public void Psi_FromCategories_CountsEachCategory()
    {
        var result = PopulationStability.FromCategories(["a", "a", "b"], ["a", "c", "c"]);

        Assert.Equal(["a", "b", "c"], result.Categories);
        Assert.Equal([2.0, 1, 0], result.Expected);
        Assert.Equal([1.0, 0, 2], result.Actual);
    }

    [Fact]
    public void KolmogorovSmirnov_Separated_CountsTheExtremeOrderings()
    {
        // of the C(4,2) = 6 equally likely orderings, 2 separate the samples completely (one each way)
        var twoSided = KolmogorovSmirnov.TwoSample([1, 2], [3, 4]);
        var greater = KolmogorovSmirnov.TwoSample([1, 2], [3, 4], Alternative.Greater);
        var less = KolmogorovSmirnov.TwoSample([1, 2], [3, 4], Alternative.Less);

        Assert.Equal(1, twoSided.Statistic);
        Assert.Equal(2 / 6.0, twoSided.PValue, 12);
        Assert.Equal(1 / 6.0, greater.PValue, 12);
        Assert.Equal(0, less.Statistic);
        Assert.Equal(1, less.PValue);
        Assert.True(twoSided.Exact);
    }

    [Fact]
    public void KolmogorovSmirnov_OneSidedEqualSizes_MatchesTheClosedForm_EvenWhenTiny()
    {
        // n = m: P(D+ ≥ h/n) = C(2n, n − h) / C(2n, n) = Π_{j<h} (n − j) / (n + j + 1)
        var x = Enumerable.Range(1, 50).Select(v => (double)v).ToArray();
        var y = Enumerable.Range(31, 50).Select(v => (double)v).ToArray();
        var closed = Enumerable.Range(0, 30).Aggregate(1.0, (p, j) => p * (50.0 - j) / (50.0 + j + 1));

        var result = KolmogorovSmirnov.TwoSample(x, y, Alternative.Greater);

        Assert.Equal(0.6, result.Statistic, 12);
        Assert.True(closed < 1e-8);
        Assert.Equal(1, result.PValue / closed, 9);
    }

    [Fact]
    public void KolmogorovSmirnov_LargeSamples_UseTheAsymptoticTail()
    {
        var n = KolmogorovSmirnov.MaxExact + 1;
        var x = Enumerable.Range(0, n).Select(i => i / (double)n).ToArray();
        var close = KolmogorovSmirnov.TwoSample(x, [.. x.Select(v => v + 0.0001)]);
        var far = KolmogorovSmirnov.TwoSample(x, [.. x.Select(v => v + 0.05)]);

        Assert.False(close.Exact);
        Assert.True(close.PValue > 0.99);
        Assert.Equal(0.05, far.Statistic, 3);
        Assert.True(far.PValue < 1e-10);
    }

    [Fact]
    public void ChiSquare_TwoByTwo_AppliesYatesCorrection()
    {
        // expected 5 in every cell; |o − e| = 2 becomes 1.5; statistic 4 × 2.25 / 5 = 1.8; P(χ²₁ ≥ 1.8) = erfc(√0.9)
        var result = ChiSquare.Contingency([[7, 3], [3, 7]]);

        Assert.Equal(1.8, result.Statistic, 12);
        Assert.Equal(0.17971249487899976, result.PValue, 12);
        Assert.Equal(1, result.DegreesOfFreedom);
        Assert.Equal(3.2, ChiSquare.Contingency([[7, 3], [3, 7]], correction: false).Statistic, 12);
    }

    [Fact]
    public void ChiSquare_BadInput_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => ChiSquare.GoodnessOfFit([1, 2], [1, 1]));
        Assert.Throws<ArgumentException>(() => ChiSquare.GoodnessOfFit([5]));
        Assert.Throws<ArgumentException>(() => ChiSquare.Contingency([[1, 0], [2, 0]]));
        Assert.Throws<ArgumentException>(() => PopulationStability.FromCounts([1, 2], [1]));
        Assert.Throws<ArgumentException>(() => KolmogorovSmirnov.TwoSample([], [1]));
    }

    [Fact]
    public void Fairness_Gaps_AreLargestMinusSmallestRate()
    {
        string[] groups = ["a", "a", "a", "a", "b", "b", "b", "b"];
        bool[] predicted = [true, false, true, false, true, true, true, false];
        bool[] actual = [true, true, false, false, true, true, false, true];

        var parity = Fairness.DemographicParity(groups, predicted);
        var opportunity = Fairness.EqualOpportunity(groups, predicted, actual);

        Assert.Equal(0.75 - 0.5, parity.Difference, 12);
        Assert.Equal(0.5, parity.Rates["a"]);
        Assert.Equal(2 / 3.0 - 0.5, opportunity.Difference, 12); // a: 1 of 2 positives predicted; b: 2 of 3
    }
}
