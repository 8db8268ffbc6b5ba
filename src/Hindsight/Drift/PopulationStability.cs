namespace Hindsight.Drift;

/// <summary>
/// The Population Stability Index: Σ (actualᵢ − expectedᵢ) · ln(actualᵢ / expectedᵢ) over bins, on proportions.
/// Numeric samples are binned at the baseline's deciles; categories are their own bins. A bin empty on either side
/// has its proportion raised to <see cref="Floor"/> so the logarithm stays finite (and the bin still counts).
/// </summary>
public static class PopulationStability
{
    /// <summary>The proportion an empty bin is given.</summary>
    public const double Floor = 1e-4;

    /// <summary>The default number of bins for numeric samples.</summary>
    public const int DefaultBins = 10;

    /// <summary>PSI from bin counts (or proportions) of the baseline (<paramref name="expected"/>) and the current data.</summary>
    /// <exception cref="ArgumentException">The lists differ in length, hold a negative value, or one sums to zero.</exception>
    public static double FromCounts(IReadOnlyList<double> expected, IReadOnlyList<double> actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        if (expected.Count != actual.Count || expected.Count == 0)
        {
            throw new ArgumentException($"expected the same number of bins on both sides, got {expected.Count} and {actual.Count}");
        }

        if (expected.Any(v => v < 0 || double.IsNaN(v)) || actual.Any(v => v < 0 || double.IsNaN(v)))
        {
            throw new ArgumentException("bin counts must be zero or more");
        }

        var (e, a) = (expected.Sum(), actual.Sum());
        if (e <= 0 || a <= 0)
        {
            throw new ArgumentException("each side needs at least one observation");
        }

        var psi = 0.0;
        for (var i = 0; i < expected.Count; i++)
        {
            var pe = Math.Max(Floor, expected[i] / e);
            var pa = Math.Max(Floor, actual[i] / a);
            psi += (pa - pe) * Math.Log(pa / pe);
        }

        return psi;
    }

    /// <summary>PSI of numeric samples, binned at the baseline's quantiles (equal-frequency bins, ties merged).</summary>
    public static PsiResult FromSamples(IReadOnlyList<double> baseline, IReadOnlyList<double> current, int bins = DefaultBins)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 2);
        var edges = Edges(baseline, bins);
        var expected = Count(baseline, edges);
        var actual = Count(current, edges);
        return new PsiResult(FromCounts(expected, actual), edges, expected, actual);
    }

    /// <summary>PSI of categorical samples, one bin per category seen on either side (ordinal order).</summary>
    public static PsiResult FromCategories(IReadOnlyList<string> baseline, IReadOnlyList<string> current)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        var categories = baseline.Concat(current).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        double[] Of(IReadOnlyList<string> values) =>
            [.. categories.Select(c => (double)values.Count(v => string.Equals(v, c, StringComparison.Ordinal)))];
        var expected = Of(baseline);
        var actual = Of(current);
        return new PsiResult(FromCounts(expected, actual), [], expected, actual) { Categories = categories };
    }

    /// <summary>
    /// The inner bin edges: the baseline's k/bins quantiles (k = 1 … bins − 1, linear interpolation), duplicates
    /// removed. Bin i holds the values in (edgeᵢ₋₁, edgeᵢ]; the first and last bins are open-ended.
    /// </summary>
    public static double[] Edges(IReadOnlyList<double> baseline, int bins)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        if (baseline.Count == 0)
        {
            throw new ArgumentException("the baseline has no values");
        }

        var sorted = baseline.Order().ToArray();
        var edges = new List<double>();
        for (var k = 1; k < bins; k++)
        {
            var position = (sorted.Length - 1) * (double)k / bins;
            var low = (int)Math.Floor(position);
            var high = Math.Min(low + 1, sorted.Length - 1);
            var edge = sorted[low] + ((position - low) * (sorted[high] - sorted[low]));
            if (edges.Count == 0 || edge > edges[^1])
            {
                edges.Add(edge);
            }
        }

        return [.. edges];
    }

    private static double[] Count(IReadOnlyList<double> values, double[] edges)
    {
        var counts = new double[edges.Length + 1];
        foreach (var v in values)
        {
            var at = Array.BinarySearch(edges, v);
            counts[at >= 0 ? at : ~at]++;
        }

        return counts;
    }
}
