using Hindsight.Calendar;
using Hindsight.Errors;
using Hindsight.Import;

namespace Hindsight.Alerts;

/// <summary>
/// Replays metric samples through alert rules. Each rule is checked at every sample of its metric (realtime) or at
/// the end of each UTC day or ISO week that has samples (daily, weekly); the value checked aggregates the samples in
/// the rule's window (see <see cref="InWindow"/>). A rule fires when its condition starts to hold and resolves when it stops (de-duplication: no second
/// fire while it keeps holding); a fire within the silence window after the rule's last notification is recorded but
/// not notified.
/// </summary>
public static class AlertEvaluator
{
    /// <summary>Evaluates every rule over the samples, in time order.</summary>
    /// <exception cref="InputException">A rule names a metric that no sample has.</exception>
    public static IReadOnlyList<AlertEvent> Evaluate(AlertRuleSet rules, IReadOnlyList<MetricSample> samples, string rulesFile)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(samples);
        var byMetric = samples.GroupBy(s => s.Metric, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.OrderBy(s => s.At).ToList(), StringComparer.Ordinal);
        var events = new List<AlertEvent>();
        foreach (var rule in rules.Rules)
        {
            foreach (var metric in new[] { rule.Metric, rule.RelativeTo }.OfType<string>().Where(m => !byMetric.ContainsKey(m)))
            {
                throw InputException.At(rulesFile, rule.Line, metric == rule.Metric ? "metric" : "relative_to",
                    $"no sample has the metric '{metric}'; the samples have: {string.Join(", ", byMetric.Keys.Order(StringComparer.Ordinal))}");
            }

            events.AddRange(Run(rule, byMetric[rule.Metric], rule.RelativeTo is { } r ? byMetric[r] : null, rules.Silence));
        }

        return [.. events.OrderBy(e => e.At).ThenBy(e => e.Rule.Line)];
    }

    /// <summary>The comparison as it is written.</summary>
    public static string Symbol(Comparison comparison) => comparison switch
    {
        Comparison.Below => "<",
        Comparison.AtMost => "<=",
        Comparison.Above => ">",
        Comparison.AtLeast => ">=",
        Comparison.EqualTo => "==",
        _ => "!=",
    };

    private static IEnumerable<AlertEvent> Run(AlertRule rule, List<MetricSample> samples, List<MetricSample>? divisors, TimeSpan silence)
    {
        var firing = false;
        DateTimeOffset? lastNotified = null;
        foreach (var at in Checkpoints(rule, samples))
        {
            var inWindow = InWindow(rule, samples, at);
            if (inWindow.Count == 0)
            {
                continue;
            }

            double? value = null;
            string? text = null;
            bool holds;
            if (rule.Text is not null)
            {
                text = inWindow[^1].Text ?? inWindow[^1].Value?.ToString(System.Globalization.CultureInfo.InvariantCulture);
                holds = string.Equals(text, rule.Text, StringComparison.OrdinalIgnoreCase) == (rule.Comparison == Comparison.EqualTo);
            }
            else
            {
                value = Aggregate(rule.Aggregation, inWindow);
                if (value is not null && divisors is not null)
                {
                    value = LastAtOrBefore(divisors, at)?.Value is { } d && d != 0 ? value / d : null;
                }

                holds = value is { } v && Compare(v, rule.Comparison, rule.Threshold);
            }

            if (holds && !firing)
            {
                var notify = lastNotified is not { } last || at - last >= silence;
                if (notify)
                {
                    lastNotified = at;
                }

                yield return new AlertEvent(rule, at, true, value, text, notify);
            }
            else if (!holds && firing)
            {
                yield return new AlertEvent(rule, at, false, value, text, false);
            }

            firing = holds;
        }
    }

    private static IEnumerable<DateTimeOffset> Checkpoints(AlertRule rule, List<MetricSample> samples) => rule.Frequency switch
    {
        AlertFrequency.Daily => samples.Select(s => DayStart(s.At).AddDays(1)).Distinct(),
        AlertFrequency.Weekly => samples.Select(s => WeekStart(s.At).AddDays(7)).Distinct(),
        _ => samples.Select(s => s.At).Distinct(),
    };

    /// <summary>The bucket a daily or weekly check covers when the rule sets no window (ending just before the checkpoint).</summary>
    private static TimeSpan Bucket(AlertFrequency frequency) => frequency switch
    {
        AlertFrequency.Daily => TimeSpan.FromDays(1),
        AlertFrequency.Weekly => TimeSpan.FromDays(7),
        _ => TimeSpan.Zero,
    };

    /// <summary>
    /// The samples a check at <paramref name="at"/> aggregates: for a realtime rule (at − window, at], or the latest
    /// sample when the window is zero; for a daily or weekly rule [at − window, at), the day or week by default.
    /// </summary>
    private static List<MetricSample> InWindow(AlertRule rule, List<MetricSample> samples, DateTimeOffset at)
    {
        if (rule.Frequency == AlertFrequency.Realtime)
        {
            if (rule.Window == TimeSpan.Zero)
            {
                return LastAtOrBefore(samples, at) is { } last ? [last] : [];
            }

            return samples.GetRange(After(samples, at - rule.Window), After(samples, at) - After(samples, at - rule.Window));
        }

        var window = rule.Window > TimeSpan.Zero ? rule.Window : Bucket(rule.Frequency);
        var from = AtOrAfter(samples, at - window);
        return samples.GetRange(from, AtOrAfter(samples, at) - from);
    }

    /// <summary>The first position whose sample is later than <paramref name="at"/>.</summary>
    private static int After(List<MetricSample> samples, DateTimeOffset at)
    {
        int lo = 0, hi = samples.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            (lo, hi) = samples[mid].At <= at ? (mid + 1, hi) : (lo, mid);
        }

        return lo;
    }

    /// <summary>The first position whose sample is at or after <paramref name="at"/>.</summary>
    private static int AtOrAfter(List<MetricSample> samples, DateTimeOffset at)
    {
        int lo = 0, hi = samples.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            (lo, hi) = samples[mid].At < at ? (mid + 1, hi) : (lo, mid);
        }

        return lo;
    }

    private static MetricSample? LastAtOrBefore(List<MetricSample> samples, DateTimeOffset at) => After(samples, at) is var n and > 0 ? samples[n - 1] : null;

    private static double? Aggregate(Aggregation aggregation, List<MetricSample> window)
    {
        if (aggregation == Aggregation.Count)
        {
            return window.Count;
        }

        var numbers = window.Select(s => s.Value).OfType<double>().ToList();
        return numbers.Count == 0 ? null : aggregation switch
        {
            Aggregation.Avg => numbers.Average(),
            Aggregation.Min => numbers.Min(),
            Aggregation.Max => numbers.Max(),
            Aggregation.Sum => numbers.Sum(),
            _ => numbers[^1],
        };
    }

    private static bool Compare(double value, Comparison comparison, double threshold) => comparison switch
    {
        Comparison.Below => value < threshold,
        Comparison.AtMost => value <= threshold,
        Comparison.Above => value > threshold,
        Comparison.AtLeast => value >= threshold,
        Comparison.EqualTo => value == threshold,
        _ => value != threshold,
    };

    private static DateTimeOffset DayStart(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, 0, 0, 0, TimeSpan.Zero);
    }

    private static DateTimeOffset WeekStart(DateTimeOffset at)
    {
        return new DateTimeOffset(UtcWeek.Start(at.UtcDateTime), TimeSpan.Zero);
    }
}
