namespace Hindsight.Anomalies;

/// <summary>Medians and a sliding window over values kept in ascending order, so nothing is sorted again per point.</summary>
internal static class SortedValues
{
    /// <summary>The median of values in ascending order (0 when there is none).</summary>
    public static double Median(ReadOnlySpan<double> sorted)
    {
        var n = sorted.Length;
        return n == 0 ? 0 : n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
    }

    /// <summary>
    /// The median of |x − <paramref name="center"/>| over values in ascending order: the deviations grow outward from the
    /// center on both sides, so merging the two sides meets them in order, and the middle one is reached in n / 2 steps.
    /// </summary>
    public static double MedianDeviation(ReadOnlySpan<double> sorted, double center)
    {
        var n = sorted.Length;
        if (n == 0)
        {
            return 0;
        }

        var right = sorted.BinarySearch(center);
        right = right < 0 ? ~right : right;
        var left = right - 1;
        double previous = 0, current = 0;
        for (var k = 0; k <= n / 2; k++)
        {
            previous = current;
            if (left < 0 || (right < n && sorted[right] - center <= center - sorted[left]))
            {
                current = sorted[right++] - center;
            }
            else
            {
                current = center - sorted[left--];
            }
        }

        return n % 2 == 1 ? current : (previous + current) / 2;
    }

    /// <summary>Adds a value where it belongs in order.</summary>
    public static void Insert(List<double> sorted, double value)
    {
        var at = sorted.BinarySearch(value);
        sorted.Insert(at < 0 ? ~at : at, value);
    }

    /// <summary>Removes one occurrence of a value that is there.</summary>
    public static void Remove(List<double> sorted, double value) => sorted.RemoveAt(sorted.BinarySearch(value));
}
