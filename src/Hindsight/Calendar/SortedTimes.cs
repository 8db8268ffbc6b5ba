namespace Hindsight.Calendar;

/// <summary>Binary search over timestamps in ascending order.</summary>
internal static class SortedTimes
{
    /// <summary>The first index below <paramref name="end"/> whose time is at or after <paramref name="t"/>; <paramref name="end"/> when there is none.</summary>
    public static int FirstAtOrAfter(IReadOnlyList<DateTimeOffset> times, DateTimeOffset t, int end) => FirstWhere(times, t, end, strictlyAfter: false);

    /// <summary>The first index below <paramref name="end"/> whose time is after <paramref name="t"/>; <paramref name="end"/> when there is none.</summary>
    public static int FirstAfter(IReadOnlyList<DateTimeOffset> times, DateTimeOffset t, int end) => FirstWhere(times, t, end, strictlyAfter: true);

    private static int FirstWhere(IReadOnlyList<DateTimeOffset> times, DateTimeOffset t, int end, bool strictlyAfter)
    {
        int lo = 0, hi = end;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (times[mid] < t || (strictlyAfter && times[mid] == t))
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
