using System.Runtime.InteropServices;
using Hindsight.Calendar;

namespace Hindsight.Anomalies;

/// <summary>
/// An anomaly detector that is robust to outliers and to daily seasonality. Each point is judged against earlier points
/// only: the median of the trailing window (or, when the series repeats daily, of the points at the same time of the
/// previous days), scaled by the median absolute deviation; a point more than <see cref="Threshold"/> robust deviations
/// away is anomalous — if it is also above or below every one of those values (a spike as high as one of last week's is
/// not news). A run of anomalous points counts as one detection (at its first point), and no new detection starts within
/// <see cref="Cooldown"/> of the last. Every span is in time, not in points, so the same detector holds for 5-minute,
/// 10-minute and hourly series and for series with gaps; the sampling interval and whether the series repeats daily are
/// read from the whole series before it starts.
/// </summary>
public sealed record RobustDetector
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    /// <summary>Points before anything is judged, whatever the warm-up: a median of fewer says little.</summary>
    private const int MinimumPoints = 24;

    /// <summary>Days looked back at the same time of day, and sampling intervals either side of that time.</summary>
    private const int SamePhaseDays = 7, SamePhaseSteps = 2;

    /// <summary>How far back the median and MAD are taken when the series does not repeat daily (default a week).</summary>
    public TimeSpan Window
    {
        get;
        init => field = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(Window), value, "the window must be longer than zero");
    } = TimeSpan.FromDays(7);

    /// <summary>Robust z-score (|x − median| / (1.4826 · MAD)) above which a point is anomalous.</summary>
    public double Threshold
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(Threshold), value, "the threshold must be above zero");
    } = 6;

    /// <summary>Time after a detection during which no new one starts (default a day: at most one new alert a day).</summary>
    public TimeSpan Cooldown
    {
        get;
        init => field = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(Cooldown), value, "the cool-down cannot be negative");
    } = Day;

    /// <summary>Time from the series' first point before anything is judged (and never before the first 24 points).</summary>
    public TimeSpan WarmUp
    {
        get;
        init => field = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(WarmUp), value, "the warm-up cannot be negative");
    } = TimeSpan.FromHours(4);

    /// <summary>The indexes at which detections start.</summary>
    /// <param name="times">The points' timestamps, in ascending order (equal ones allowed).</param>
    /// <param name="values">The points' values.</param>
    public IReadOnlyList<int> Detect(IReadOnlyList<DateTimeOffset> times, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(values);
        if (times.Count != values.Count)
        {
            throw new ArgumentException($"{times.Count} timestamps for {values.Count} values", nameof(times));
        }

        if (values.Count == 0)
        {
            return [];
        }

        var step = SamplingInterval(times);
        var fullWindow = Math.Max(1, (int)(Window / step)); // points a full trailing window holds
        var daily = RepeatsDaily(times, values, step);
        var detections = new List<int>();
        DateTimeOffset? last = null;
        var previousFlag = false;
        var from = 0;
        var trailing = new List<double>(); // the values of the trailing window, in ascending order
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                SortedValues.Insert(trailing, values[i - 1]);
            }

            while (times[from] <= times[i] - Window)
            {
                SortedValues.Remove(trailing, values[from]);
                from++;
            }

            if (i < MinimumPoints || times[i] - times[0] < WarmUp)
            {
                continue;
            }

            var samePhase = daily && times[i] - times[0] >= 3 * Day;
            ReadOnlySpan<double> reference = samePhase ? SamePhase(times, values, i, step).AsSpan() : CollectionsMarshal.AsSpan(trailing);
            var full = samePhase ? SamePhaseDays * ((2 * SamePhaseSteps) + 1) : fullWindow;
            var median = SortedValues.Median(reference);
            var scale = 1.4826 * SortedValues.MedianDeviation(reference, median);
            var flagged = scale > 0
                ? Math.Abs(values[i] - median) / scale > Threshold
                : Math.Abs(values[i] - median) > 1e-9 && reference.Length >= full / 2; // a flat reference: any change, if it is well filled
            flagged = flagged && (reference.Length == 0 || values[i] > reference[^1] || values[i] < reference[0]); // beyond every value of the reference
            if (flagged && !previousFlag && (last is not { } l || times[i] - l > Cooldown))
            {
                detections.Add(i);
                last = times[i];
            }

            previousFlag = flagged;
        }

        return detections;
    }

    /// <summary>The median gap between consecutive distinct timestamps (5 minutes when there is none).</summary>
    internal static TimeSpan SamplingInterval(IReadOnlyList<DateTimeOffset> times)
    {
        var gaps = new List<long>(times.Count);
        for (var i = 1; i < times.Count; i++)
        {
            if (times[i] > times[i - 1])
            {
                gaps.Add((times[i] - times[i - 1]).Ticks);
            }
        }

        if (gaps.Count == 0)
        {
            return TimeSpan.FromMinutes(5);
        }

        gaps.Sort();
        return TimeSpan.FromTicks(gaps[gaps.Count / 2]);
    }

    /// <summary>The points within two sampling intervals of the same time of day on each of the last 7 days, in ascending order.</summary>
    private static double[] SamePhase(IReadOnlyList<DateTimeOffset> times, IReadOnlyList<double> values, int i, TimeSpan step)
    {
        var same = new List<double>(SamePhaseDays * ((2 * SamePhaseSteps) + 1));
        var reach = SamePhaseSteps * step;
        for (var k = 1; k <= SamePhaseDays; k++)
        {
            var at = times[i] - (k * Day);
            for (var j = SortedTimes.FirstAtOrAfter(times, at - reach, i); j < i && times[j] <= at + reach; j++)
            {
                same.Add(values[j]);
            }
        }

        same.Sort();
        return [.. same];
    }

    /// <summary>Whether the series repeats daily: its autocorrelation a day apart is above 0.6 over at least four days.</summary>
    private static bool RepeatsDaily(IReadOnlyList<DateTimeOffset> times, IReadOnlyList<double> values, TimeSpan step)
    {
        if (times[^1] - times[0] < 4 * Day)
        {
            return false;
        }

        var mean = values.Average();
        double num = 0, den = 0;
        for (var i = 0; i < values.Count; i++)
        {
            den += (values[i] - mean) * (values[i] - mean);
            var j = Nearest(times, times[i] - Day, i);
            if (j >= 0 && (times[j] - (times[i] - Day)).Duration() <= step / 2)
            {
                num += (values[i] - mean) * (values[j] - mean);
            }
        }

        return den > 0 && num / den > 0.6;
    }

    /// <summary>The index below <paramref name="end"/> whose time is nearest <paramref name="t"/> (−1 when <paramref name="end"/> is 0); the caller judges whether it is near enough.</summary>
    private static int Nearest(IReadOnlyList<DateTimeOffset> times, DateTimeOffset t, int end)
    {
        if (end == 0)
        {
            return -1;
        }

        var lo = SortedTimes.FirstAtOrAfter(times, t, end);
        if (lo == end)
        {
            return end - 1;
        }

        return lo > 0 && (t - times[lo - 1]) < (times[lo] - t) ? lo - 1 : lo;
    }
}
