namespace Hindsight.Anomalies;

/// <summary>Binary search over a series' timestamps in ascending order.</summary>
internal static class SortedTimes
{
    /// <summary>The first index below <paramref name="end"/> whose time is at or after <paramref name="t"/>; <paramref name="end"/> when there is none.</summary>
    public static int FirstAtOrAfter(IReadOnlyList<DateTimeOffset> times, DateTimeOffset t, int end)
    {
        int lo = 0, hi = end;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (times[mid] < t)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
