using Hindsight.Calendar;
using Hindsight.Statistics;

namespace Hindsight.Thresholds;

/// <summary>
/// Threshold tuning from history (SPEC §3, prepare-learn "SLO optimisation"): replays a metric's samples through
/// candidate alert rules — a threshold above or below, held for a number of samples — and counts, against the
/// incidents of the same service, which incidents each would have caught, how many false alarms per week it would have
/// raised and how early it would have fired. Thresholds are the metric's own quantiles and mean ± k standard
/// deviations, so no unit or scale is assumed.
/// </summary>
public static class ThresholdTuner
{
    private static readonly double[] Levels = [0.5, 0.75, 0.8, 0.85, 0.9, 0.925, 0.95, 0.97, 0.98, 0.99, 0.995, 0.999];
    private static readonly double[] Sigmas = [1.5, 2, 2.5, 3, 3.5, 4, 5];
    private static readonly int[] Holds = [1, 2, 3, 5, 10];

    /// <summary>The frontier, the best candidate within <paramref name="falseAlarmsPerWeek"/>, and the 3-sigma baseline.</summary>
    /// <param name="times">Sample times, ascending.</param>
    /// <param name="values">Sample values, as many as times.</param>
    /// <param name="incidents">The incidents the alert should catch.</param>
    /// <param name="falseAlarmsPerWeek">The false-alarm budget.</param>
    public static ThresholdTuning Tune(IReadOnlyList<DateTimeOffset> times, IReadOnlyList<double> values, IReadOnlyList<IncidentWindow> incidents, double falseAlarmsPerWeek = 1)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(incidents);
        if (times.Count != values.Count || times.Count < 2)
        {
            throw new ArgumentException("need at least two samples, one time per value", nameof(values));
        }

        if (values.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException("every value must be a finite number", nameof(values));
        }

        var windows = incidents.Where(w => w.To >= times[0] && w.From <= times[^1]).OrderBy(w => w.From).ToArray();
        var weeks = Math.Max((times[^1] - times[0]).TotalDays / 7, 1.0 / 7);
        var gaps = new double[times.Count - 1];
        for (var n = 1; n < times.Count; n++)
        {
            gaps[n - 1] = (times[n] - times[n - 1]).Ticks;
        }

        var interval = TimeSpan.FromTicks((long)Quantiles.Median(gaps)!.Value);
        var sorted = values.Order().ToArray();
        var mean = values.Average();
        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
        if (!double.IsFinite(mean) || !double.IsFinite(sd))
        {
            throw new ArgumentException("the values are too large to take their mean and spread; rescale them (e.g. to another unit)", nameof(values));
        }

        var replay = new Replay(times, windows, weeks, interval);

        var candidates = new List<ThresholdCandidate>();
        foreach (var (direction, thresholds) in new[]
        {
            ("above", Levels.Select(q => Quantiles.Of(sorted, q)!.Value).Concat(Sigmas.Select(k => mean + (k * sd)))),
            ("below", Levels.Select(q => Quantiles.Of(sorted, 1 - q)!.Value).Concat(Sigmas.Select(k => mean - (k * sd)))),
        })
        {
            foreach (var threshold in thresholds.Where(double.IsFinite).Distinct())
            {
                foreach (var hold in Holds)
                {
                    candidates.Add(replay.Run(direction, threshold, hold, direction == "above" ? v => v > threshold : v => v < threshold, values));
                }
            }
        }

        var baseline = replay.Run("outside", 3 * sd, 1, v => sd > 0 && Math.Abs(v - mean) > 3 * sd, values);
        return new ThresholdTuning(
            times.Count,
            weeks,
            interval,
            windows.Length,
            falseAlarmsPerWeek,
            BestWithin(candidates, falseAlarmsPerWeek),
            Frontier(candidates),
            baseline,
            BestWithin(candidates, baseline.FalseAlarmsPerWeek));
    }

    /// <summary>The candidate catching the most within the budget, then raising the fewest false alarms, then firing earliest.</summary>
    public static ThresholdCandidate? BestWithin(IEnumerable<ThresholdCandidate> candidates, double falseAlarmsPerWeek) =>
        candidates.Where(c => c.FalseAlarmsPerWeek <= falseAlarmsPerWeek + 1e-9 && c.Detected > 0)
            .OrderByDescending(c => c.Detected)
            .ThenBy(c => c.FalseAlarms)
            .ThenByDescending(c => c.MedianLeadMinutes ?? double.MinValue)
            .ThenBy(c => c.For)
            .FirstOrDefault();

    /// <summary>For each false-alarm count, the best detection, keeping only rows that catch more than the row before.</summary>
    private static List<ThresholdCandidate> Frontier(List<ThresholdCandidate> candidates)
    {
        var frontier = new List<ThresholdCandidate>();
        foreach (var c in candidates.Where(c => c.Detected > 0).OrderBy(c => c.FalseAlarms).ThenByDescending(c => c.Detected).ThenByDescending(c => c.MedianLeadMinutes ?? double.MinValue))
        {
            if (frontier.Count == 0 || c.Detected > frontier[^1].Detected)
            {
                frontier.Add(c);
            }
        }

        return frontier;
    }

    /// <summary>Replays one rule: it fires when the value has been beyond the threshold for <c>hold</c> samples in a row.</summary>
    private sealed class Replay(IReadOnlyList<DateTimeOffset> times, IncidentWindow[] windows, double weeks, TimeSpan interval)
    {
        private readonly SpansByStart _spans = new([.. windows.Select(w => w.From)], [.. windows.Select(w => w.To)]);

        public ThresholdCandidate Run(string direction, double threshold, int hold, Func<double, bool> beyond, IReadOnlyList<double> values)
        {
            var firstFire = new DateTimeOffset?[windows.Length];
            int falseAlarms = 0, run = 0;
            for (var n = 0; n < values.Count; n++)
            {
                run = beyond(values[n]) ? run + 1 : 0;
                if (run == hold && !Caught(times[n], firstFire))
                {
                    falseAlarms++;
                }
            }

            var leads = new List<double>();
            for (var w = 0; w < windows.Length; w++)
            {
                if (firstFire[w] is { } at)
                {
                    leads.Add((windows[w].DetectedAt - at).TotalMinutes);
                }
            }

            return new ThresholdCandidate(
                direction,
                threshold,
                interval * (hold - 1),
                leads.Count,
                windows.Length,
                falseAlarms,
                falseAlarms / weeks,
                Quantiles.Median([.. leads]));
        }

        /// <summary>Marks the incidents under way at <paramref name="at"/> as caught; false when there is none.</summary>
        private bool Caught(DateTimeOffset at, DateTimeOffset?[] firstFire)
        {
            var caught = false;
            for (var w = _spans.LastStartingBy(at); w >= 0 && _spans.MayRunAt(w, at); w--)
            {
                if (windows[w].To >= at)
                {
                    caught = true;
                    firstFire[w] ??= at;
                }
            }

            return caught;
        }
    }
}
