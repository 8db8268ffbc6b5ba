namespace Hindsight.Statistics;

/// <summary>Quantiles of samples by linear interpolation between closest ranks (the common "type 7" definition).</summary>
public static class Quantiles
{
    /// <summary>The median, or null for no samples.</summary>
    public static double? Median(IReadOnlyCollection<double> samples) => Of(samples, 0.5);

    /// <summary>The <paramref name="q"/>-quantile (0 ≤ q ≤ 1), or null for no samples.</summary>
    public static double? Of(IReadOnlyCollection<double> samples, double q)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentOutOfRangeException.ThrowIfLessThan(q, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(q, 1);
        if (samples.Count == 0)
        {
            return null;
        }

        var sorted = samples.ToArray();
        Array.Sort(sorted);
        return OfSorted(sorted, q);
    }

    /// <summary>As <see cref="Of"/>, of samples already in ascending order (at least one).</summary>
    internal static double OfSorted(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }
}
