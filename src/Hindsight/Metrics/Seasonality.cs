using Hindsight.Calendar;
using Hindsight.Drift;
using Hindsight.Incidents;
using Hindsight.Statistics;

namespace Hindsight.Metrics;

/// <summary>One seasonal profile: observed against expected counts, a chi-square test of "no pattern", and the peak.</summary>
/// <param name="Name">month, weekday or hour.</param>
/// <param name="Buckets">The bucket names in order.</param>
/// <param name="Observed">Incidents per bucket.</param>
/// <param name="Expected">Incidents per bucket if they fell evenly over the time observed.</param>
/// <param name="Test">Chi-square goodness of fit of observed against expected.</param>
/// <param name="Peak">The bucket with the highest observed/expected ratio.</param>
/// <param name="PeakRatio">That ratio.</param>
public sealed record SeasonalProfile(string Name, IReadOnlyList<string> Buckets, IReadOnlyList<double> Observed, IReadOnlyList<double> Expected, ChiSquareResult Test, string Peak, double PeakRatio)
{
    /// <summary>Below this p-value the pattern is called real.</summary>
    public const double Significance = 0.01;

    /// <summary>Whether the pattern is real (the counts are unlikely under "no pattern").</summary>
    public bool IsReal => Test.PValue < Significance;
}

/// <summary>
/// Seasonality of incident starts (UTC): by month, weekday and hour, plus the hour × weekday heatmap. "No pattern"
/// expects incidents in proportion to the time each bucket covers within the observed span — days per month and per
/// weekday actually observed, equal hours — and a chi-square goodness-of-fit test says whether the counts depart from
/// it (p &lt; 0.01: the pattern is real). Starts recorded as dates without a time of day (midnight exactly, far more
/// often than chance) say nothing about the hour: they are left out of the hour profile and the heatmap.
/// </summary>
public static class Seasonality
{
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>The three profiles (month, weekday, hour); empty with fewer than two incidents.</summary>
    public static IReadOnlyList<SeasonalProfile> Profiles(IReadOnlyList<Incident> incidents)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        if (incidents.Count < 2)
        {
            return [];
        }

        var first = incidents.Min(i => i.StartedAt).UtcDateTime.Date;
        var last = incidents.Max(i => i.StartedAt).UtcDateTime.Date;
        var monthDays = new double[12];
        var weekdayDays = new double[7];
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            monthDays[day.Month - 1]++;
            weekdayDays[Weekday(day)]++;
        }

        var timed = Timed(incidents);
        List<SeasonalProfile> profiles =
        [
            Profile("month", Months, [.. incidents.Select(i => i.StartedAt.UtcDateTime.Month - 1)], monthDays),
            Profile("weekday", UtcWeek.DayNames, [.. incidents.Select(i => Weekday(i.StartedAt.UtcDateTime))], weekdayDays),
        ];
        if (timed.Count >= 2)
        {
            profiles.Add(Profile("hour", [.. Enumerable.Range(0, 24).Select(h => h.ToString("00", System.Globalization.CultureInfo.InvariantCulture))],
                [.. timed.Select(i => i.StartedAt.UtcDateTime.Hour)], [.. Enumerable.Repeat(1.0, 24)]));
        }

        return profiles;
    }

    /// <summary>
    /// The incidents whose start has a time of day. When more than 1 % start at midnight exactly (chance gives one in
    /// 1,440), those starts are dates without a time, and are left out.
    /// </summary>
    public static IReadOnlyList<Incident> Timed(IReadOnlyList<Incident> incidents)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        var midnight = incidents.Count(i => i.StartedAt.UtcTicks % TimeSpan.TicksPerDay == 0);
        return midnight > Math.Max(1, incidents.Count / 100) ? [.. incidents.Where(i => i.StartedAt.UtcTicks % TimeSpan.TicksPerDay != 0)] : incidents;
    }

    /// <summary>Incidents per weekday (Mon = 0) and hour, for the heatmap (starts without a time of day left out).</summary>
    public static int[,] HourByWeekday(IReadOnlyList<Incident> incidents)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        var grid = new int[7, 24];
        foreach (var i in Timed(incidents))
        {
            grid[Weekday(i.StartedAt.UtcDateTime), i.StartedAt.UtcDateTime.Hour]++;
        }

        return grid;
    }

    private static SeasonalProfile Profile(string name, IReadOnlyList<string> buckets, int[] bucketOf, double[] exposure)
    {
        var observed = new double[buckets.Count];
        foreach (var b in bucketOf)
        {
            observed[b]++;
        }

        // buckets the span never covered expect nothing and observe nothing: leave them out of the test
        var covered = Enumerable.Range(0, buckets.Count).Where(b => exposure[b] > 0).ToList();
        var total = observed.Sum();
        var exposureTotal = covered.Sum(b => exposure[b]);
        var expected = exposure.Select(e => e > 0 ? total * e / exposureTotal : 0).ToArray();
        var test = covered.Count >= 2
            ? ChiSquare.GoodnessOfFit([.. covered.Select(b => observed[b])], [.. covered.Select(b => expected[b])])
            : new ChiSquareResult(0, 1, 0);
        var peak = covered.MaxBy(b => observed[b] / expected[b]);
        return new SeasonalProfile(name, buckets, observed, expected, test, buckets[peak], Math.Round(observed[peak] / expected[peak], 3));
    }

    private static int Weekday(DateTime day) => UtcWeek.DayIndex(day);
}
