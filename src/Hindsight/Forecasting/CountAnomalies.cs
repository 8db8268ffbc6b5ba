using System.Globalization;
using Hindsight.Calendar;
using Hindsight.Incidents;
using Hindsight.Statistics;

namespace Hindsight.Forecasting;

/// <summary>
/// Anomalies in incident counts per service and week. The expectation is the median of the service's previous
/// <see cref="Trailing"/> weeks, scaled by the organisation's month-of-year index when the history spans two years
/// (so a December that is busy every year is not an anomaly); the spread is the larger of the median absolute
/// deviation (×1.4826), the Poisson √expected and 1. A week is anomalous when its robust z-score reaches
/// <see cref="Threshold"/>, it has at least <see cref="MinCount"/> incidents and at least twice the expectation.
/// </summary>
public static class CountAnomalies
{
    /// <summary>Weeks of history an expectation stands on.</summary>
    public const int Trailing = 12;

    /// <summary>The robust z-score that makes an anomaly.</summary>
    public const double Threshold = 4;

    /// <summary>The fewest incidents in an anomalous week.</summary>
    public const int MinCount = 3;

    /// <summary>The anomalous weeks of every service, latest first.</summary>
    public static IReadOnlyList<CountAnomaly> Detect(IReadOnlyCollection<Incident> incidents, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        var monthly = CountSeries.Monthly(incidents, now);
        var index = SeasonalIndex(monthly);
        var found = new List<CountAnomaly>();
        var weeks = CountSeries.Weekly(incidents, now);
        if (weeks.Count <= Trailing)
        {
            return found;
        }

        var position = weeks.Select((w, k) => (w.Week, k)).ToDictionary(x => x.Week, x => x.k);
        var perService = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var i in incidents)
        {
            var d = i.StartedAt.UtcDateTime;
            if (!position.TryGetValue(UtcWeek.Start(d), out var k))
            {
                continue;
            }

            foreach (var s in i.Services.Distinct(StringComparer.Ordinal))
            {
                (perService.TryGetValue(s, out var counts) ? counts : perService[s] = new int[weeks.Count])[k]++;
            }
        }

        foreach (var (service, counts) in perService.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            for (var t = Trailing; t < counts.Length; t++)
            {
                if (counts[t] < MinCount)
                {
                    continue;
                }

                var window = new List<double>(Trailing);
                var season = 0.0;
                for (var k = t - Trailing; k < t; k++)
                {
                    window.Add(counts[k] / index[weeks[k].Week.Month]);
                    season += index[weeks[k].Week.Month];
                }

                var median = Quantiles.Median(window)!.Value;
                var mad = Quantiles.Median([.. window.Select(v => Math.Abs(v - median))])!.Value * 1.4826;
                var expected = median * index[weeks[t].Week.Month];
                var spread = Math.Max(1, Math.Max(Math.Sqrt(expected), mad * index[weeks[t].Week.Month]));
                var z = (counts[t] - expected) / spread;
                if (z >= Threshold && counts[t] >= 2 * expected)
                {
                    found.Add(new CountAnomaly(service, weeks[t].Week.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), counts[t], Math.Round(expected, 2), Math.Round(z, 2)));
                }
            }
        }

        return [.. found.OrderByDescending(a => a.Week, StringComparer.Ordinal).ThenByDescending(a => a.Score)];
    }

    /// <summary>The month-of-year index (1–12; 1 everywhere with less than two years): mean count of the month / mean of all months.</summary>
    public static double[] SeasonalIndex(IReadOnlyList<(DateTime Month, int Count)> monthly)
    {
        ArgumentNullException.ThrowIfNull(monthly);
        return monthly.Count < 24
            ? Enumerable.Repeat(1.0, 13).ToArray()
            : Forecaster.MonthIndex([.. monthly.Select(m => (double)m.Count)], [.. monthly.Select(m => m.Month.Month)]);
    }
}
