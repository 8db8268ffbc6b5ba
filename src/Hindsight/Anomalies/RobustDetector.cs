namespace Hindsight.Anomalies;

/// <summary>
/// A streaming anomaly detector that is robust to outliers and to daily or weekly seasonality: each point is compared
/// with the median of the trailing window (or, when the series repeats with a period, with the median of the points at
/// the same phase of the previous periods), scaled by the window's median absolute deviation; a point more than
/// <see cref="Threshold"/> robust deviations away is anomalous. A run of anomalous points counts as one detection (at
/// its first point), and detections closer than the cool-down are merged.
/// </summary>
/// <param name="Window">Trailing points the median and MAD are taken over.</param>
/// <param name="Threshold">Robust z-score (|x − median| / (1.4826 · MAD)) above which a point is anomalous.</param>
/// <param name="Cooldown">Points after a detection during which no new one starts (default: one window, a day of 5-minute points: at most one new alert a day).</param>
public sealed record RobustDetector(int Window = 288, double Threshold = 6, int Cooldown = 288)
{
    private const int WarmUp = 48;

    /// <summary>The indexes at which detections start.</summary>
    public IReadOnlyList<int> Detect(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var period = Period(values);
        var detections = new List<int>();
        var last = -Cooldown - 1;
        var previousFlag = false;
        for (var i = WarmUp; i < values.Count; i++)
        {
            var history = Reference(values, i, period);
            var median = Median(history);
            var mad = Median([.. history.Select(v => Math.Abs(v - median))]);
            var scale = 1.4826 * mad;
            var flagged = scale > 0 ? Math.Abs(values[i] - median) / scale > Threshold : Math.Abs(values[i] - median) > 1e-9 && history.Length >= Window / 2;
            if (flagged && !previousFlag && i - last > Cooldown)
            {
                detections.Add(i);
                last = i;
            }

            previousFlag = flagged;
        }

        return detections;
    }

    /// <summary>The values a point is judged against: the same phase of earlier periods, or the trailing window.</summary>
    private double[] Reference(IReadOnlyList<double> values, int i, int period)
    {
        if (period > 0 && i >= 3 * period)
        {
            // the same phase (± 2 points) of up to the last 7 periods
            var same = new List<double>();
            for (var k = 1; k <= 7 && i - (k * period) - 2 >= 0; k++)
            {
                for (var d = -2; d <= 2; d++)
                {
                    var j = i - (k * period) + d;
                    if (j >= 0 && j < i)
                    {
                        same.Add(values[j]);
                    }
                }
            }

            return [.. same];
        }

        var from = Math.Max(0, i - Window);
        return [.. Enumerable.Range(from, i - from).Select(j => values[j])];
    }

    /// <summary>A daily-like period (in points) when the series' autocorrelation at it is strong, else 0.</summary>
    private int Period(IReadOnlyList<double> values)
    {
        var lag = Window; // with 5-minute points, 288 is a day
        if (values.Count < 4 * lag)
        {
            return 0;
        }

        var mean = values.Average();
        double num = 0, den = 0;
        for (var i = 0; i < values.Count; i++)
        {
            den += (values[i] - mean) * (values[i] - mean);
            if (i >= lag)
            {
                num += (values[i] - mean) * (values[i - lag] - mean);
            }
        }

        return den > 0 && num / den > 0.6 ? lag : 0;
    }

    private static double Median(double[] values)
    {
        if (values.Length == 0)
        {
            return 0;
        }

        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
