using MathNet.Numerics;

namespace Hindsight.Statistics;

/// <summary>
/// Pearson's chi-square tests with scipy's conventions: goodness of fit (<c>chisquare</c>; uniform expected counts by
/// default, <c>ddof</c> extra constraints) and independence in a contingency table (<c>chi2_contingency</c>, with
/// Yates' continuity correction when there is one degree of freedom). P-values come from the regularised upper
/// incomplete gamma function, accurate far into the tail.
/// </summary>
public static class ChiSquare
{
    /// <summary>Goodness of fit of <paramref name="observed"/> counts to <paramref name="expected"/> (uniform when null).</summary>
    /// <exception cref="ArgumentException">Fewer than two categories, lengths differ, an expected count is not positive, or the totals differ.</exception>
    public static ChiSquareResult GoodnessOfFit(IReadOnlyList<double> observed, IReadOnlyList<double>? expected = null, int ddof = 0)
    {
        ArgumentNullException.ThrowIfNull(observed);
        if (observed.Count < 2)
        {
            throw new ArgumentException("expected at least two categories");
        }

        var total = observed.Sum();
        var exp = expected ?? [.. observed.Select(_ => total / observed.Count)];
        if (exp.Count != observed.Count)
        {
            throw new ArgumentException($"expected {observed.Count} expected counts, got {exp.Count}");
        }

        if (exp.Any(e => !(e > 0)))
        {
            throw new ArgumentException("every expected count must be above zero");
        }

        if (Math.Abs(exp.Sum() - total) > 1e-8 * Math.Max(Math.Abs(total), Math.Abs(exp.Sum())))
        {
            throw new ArgumentException($"observed and expected counts must have the same total ({total} against {exp.Sum()})");
        }

        var statistic = 0.0;
        for (var i = 0; i < observed.Count; i++)
        {
            statistic += (observed[i] - exp[i]) * (observed[i] - exp[i]) / exp[i];
        }

        var dof = observed.Count - 1 - ddof;
        if (dof < 1)
        {
            throw new ArgumentException($"ddof {ddof} leaves no degrees of freedom for {observed.Count} categories");
        }

        return new ChiSquareResult(statistic, Survival(statistic, dof), dof) { Expected = [exp] };
    }

    /// <summary>Independence of the rows and columns of a table of counts.</summary>
    /// <exception cref="ArgumentException">The table is ragged, has a negative count, or a zero row or column total.</exception>
    public static ChiSquareResult Contingency(IReadOnlyList<IReadOnlyList<double>> observed, bool correction = true)
    {
        ArgumentNullException.ThrowIfNull(observed);
        var rows = observed.Count;
        var columns = rows == 0 ? 0 : observed[0].Count;
        if (rows == 0 || columns == 0 || observed.Any(r => r.Count != columns))
        {
            throw new ArgumentException("expected a rectangular table of counts");
        }

        if (observed.Any(r => r.Any(v => v < 0 || double.IsNaN(v))))
        {
            throw new ArgumentException("counts must be zero or more");
        }

        var rowTotals = observed.Select(r => r.Sum()).ToArray();
        var columnTotals = Enumerable.Range(0, columns).Select(c => observed.Sum(r => r[c])).ToArray();
        var total = rowTotals.Sum();
        if (rowTotals.Any(t => t == 0) || columnTotals.Any(t => t == 0))
        {
            throw new ArgumentException("a row or column has no observations; expected counts would be zero");
        }

        var expected = rowTotals.Select(rt => (IReadOnlyList<double>)[.. columnTotals.Select(ct => rt * ct / total)]).ToArray();
        var dof = (rows - 1) * (columns - 1);
        if (dof == 0)
        {
            return new ChiSquareResult(0, 1, 0) { Expected = expected };
        }

        var statistic = 0.0;
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var o = observed[r][c];
                var e = expected[r][c];
                if (correction && dof == 1)
                {
                    o += Math.Sign(e - o) * Math.Min(0.5, Math.Abs(e - o)); // Yates: move each count half a unit towards its expectation
                }

                statistic += (o - e) * (o - e) / e;
            }
        }

        return new ChiSquareResult(statistic, Survival(statistic, dof), dof) { Expected = expected };
    }

    /// <summary>P(χ²_dof ≥ x).</summary>
    public static double Survival(double x, int dof) => x <= 0 ? 1 : SpecialFunctions.GammaUpperRegularized(dof / 2.0, x / 2.0);
}
