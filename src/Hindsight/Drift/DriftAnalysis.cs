using Hindsight.Errors;
using Hindsight.Import;
using Hindsight.Statistics;

namespace Hindsight.Drift;

/// <summary>Compares a current data file with a baseline, column by column, and measures fairness gaps.</summary>
public static class DriftAnalysis
{
    /// <summary>Runs the comparison.</summary>
    /// <exception cref="InputException">A column is missing, not numeric when it must be, or empty.</exception>
    public static DriftReport Compare(DataTable baseline, DataTable current, DriftOptions options)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(options);
        var roles = new[] { options.Group, options.Prediction, options.Label }.OfType<string>().ToHashSet(StringComparer.Ordinal);
        var explicitColumns = options.Columns.Count > 0;
        var columns = explicitColumns
            ? options.Columns
            : [.. baseline.Header.Where(h => current.Has(h) && !roles.Contains(h))];
        var drifts = new List<ColumnDrift>();
        foreach (var column in columns)
        {
            var categorical = options.Categorical || (!explicitColumns && !(baseline.IsNumeric(column) && current.IsNumeric(column)));
            drifts.Add(categorical ? Categories(baseline, current, column) : Numeric(baseline, current, column, options.Bins));
        }

        var fairness = new List<FairnessReport>();
        if (options.Group is { } group && options.Prediction is { } prediction)
        {
            foreach (var table in new[] { baseline, current })
            {
                var groups = table.Rows(group);
                var predicted = table.Flags(prediction);
                fairness.Add(new FairnessReport(
                    table.File,
                    Fairness.DemographicParity(groups, predicted),
                    options.Label is { } label ? Fairness.EqualOpportunity(groups, predicted, table.Flags(label)) : null));
            }
        }

        return new DriftReport(drifts, fairness);
    }

    private static ColumnDrift Numeric(DataTable baseline, DataTable current, string column, int bins)
    {
        var a = NotEmpty(baseline, column, baseline.Numbers(column));
        var b = NotEmpty(current, column, current.Numbers(column));
        var ks = new KsTests(
            KolmogorovSmirnov.TwoSample(a, b),
            KolmogorovSmirnov.TwoSample(a, b, Alternative.Greater),
            KolmogorovSmirnov.TwoSample(a, b, Alternative.Less));
        return new ColumnDrift(column, false, a.Count, b.Count, PopulationStability.FromSamples(a, b, bins), ks, null);
    }

    private static ColumnDrift Categories(DataTable baseline, DataTable current, string column)
    {
        var a = NotEmpty(baseline, column, baseline.Text(column));
        var b = NotEmpty(current, column, current.Text(column));
        var psi = PopulationStability.FromCategories(a, b);
        ChiSquareResult? chi = psi.Categories.Count < 2 ? null : ChiSquare.Contingency([psi.Expected, psi.Actual]);
        return new ColumnDrift(column, true, a.Count, b.Count, psi, null, chi);
    }

    private static IReadOnlyList<T> NotEmpty<T>(DataTable table, string column, IReadOnlyList<T> values) =>
        values.Count > 0 ? values : throw InputException.At(table.File, 1, column, "the column has no values; expected at least one");
}
