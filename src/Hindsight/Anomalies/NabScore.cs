using Hindsight.Calendar;

namespace Hindsight.Anomalies;

/// <summary>
/// The Numenta Anomaly Benchmark's score under its standard profile (Lavin &amp; Ahmad, 2015; Ahmad et al., 2017): the
/// first detection in a labelled window earns up to <see cref="TruePositiveWeight"/>, more the earlier it comes (a
/// scaled sigmoid of its position, 1 at the window's start); a window without a detection costs
/// <see cref="FalseNegativeWeight"/>; a detection outside every window costs up to <see cref="FalsePositiveWeight"/>
/// (less just after a window); detections in the first <see cref="Probation"/> of a series, and windows that end within
/// it, are not scored. Normalised,
/// 100 is every window caught at its start and 0 is detecting nothing.
/// </summary>
public static class NabScore
{
    /// <summary>The standard profile's weight of a true positive.</summary>
    public const double TruePositiveWeight = 1.0;

    /// <summary>The standard profile's weight of a false positive.</summary>
    public const double FalsePositiveWeight = 0.11;

    /// <summary>The standard profile's weight of a missed window.</summary>
    public const double FalseNegativeWeight = 1.0;

    /// <summary>The share of a series (at most 750 points, as in NAB: 15 % of 5,000) in which detections are not scored.</summary>
    public const double Probation = 0.15;

    private static readonly double MaxTruePositive = ScaledSigmoid(-1);

    /// <summary>The raw score of one series, with what detecting nothing and detecting perfectly would score.</summary>
    /// <param name="times">The series' timestamps, ascending.</param>
    /// <param name="detections">Indexes of the points flagged, ascending.</param>
    /// <param name="windows">The labelled windows.</param>
    public static NabRaw Of(IReadOnlyList<DateTimeOffset> times, IReadOnlyList<int> detections, IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> windows)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(detections);
        ArgumentNullException.ThrowIfNull(windows);
        var probation = (int)Math.Floor(Math.Min(Probation * times.Count, Probation * 5000));
        var spans = windows
            .Select(w => (Start: FirstAtOrAfter(times, w.From), End: FirstAtOrAfter(times, w.To.AddTicks(1)) - 1))
            .Where(s => s.End >= s.Start && s.End >= probation) // a window over before scoring starts is not scored either
            .OrderBy(s => s.Start)
            .ToList();
        var caught = new bool[spans.Count];
        double score = 0;
        foreach (var i in detections.Where(i => i >= probation).Order())
        {
            var w = spans.FindIndex(s => i >= s.Start && i <= s.End);
            if (w >= 0)
            {
                if (!caught[w])
                {
                    caught[w] = true;
                    var length = spans[w].End - spans[w].Start + 1;
                    score += TruePositiveWeight * ScaledSigmoid(-(double)(spans[w].End - i + 1) / length) / MaxTruePositive;
                }

                continue;
            }

            // after a window it costs a little less the closer it is (NAB: distance past its end over its width − 1)
            var before = spans.FindLastIndex(s => s.End < i);
            score += before < 0 || spans[before].End == spans[before].Start
                ? -FalsePositiveWeight
                : FalsePositiveWeight * ScaledSigmoid((double)(i - spans[before].End) / (spans[before].End - spans[before].Start));
        }

        score -= FalseNegativeWeight * caught.Count(c => !c);
        return new NabRaw(score, -FalseNegativeWeight * spans.Count, TruePositiveWeight * spans.Count);
    }

    /// <summary>The normalised score of several series together: 100 · (raw − null) / (perfect − null); null when there is no window.</summary>
    public static double? Normalised(IEnumerable<NabRaw> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var all = series.ToList();
        var (raw, none, perfect) = (all.Sum(s => s.Score), all.Sum(s => s.Null), all.Sum(s => s.Perfect));
        return perfect == none ? null : 100 * (raw - none) / (perfect - none);
    }

    /// <summary>NAB's scaled sigmoid: 2 / (1 + e^(5x)) − 1, and −1 beyond x = 3.</summary>
    internal static double ScaledSigmoid(double x) => x > 3 ? -1 : (2 / (1 + Math.Exp(5 * x))) - 1;

    private static int FirstAtOrAfter(IReadOnlyList<DateTimeOffset> times, DateTimeOffset t) => SortedTimes.FirstAtOrAfter(times, t, times.Count);
}

/// <summary>One series' NAB score beside what detecting nothing and detecting perfectly would score.</summary>
/// <param name="Score">The detector's raw score.</param>
/// <param name="Null">Detecting nothing: every window missed.</param>
/// <param name="Perfect">Every window caught at its start.</param>
public sealed record NabRaw(double Score, double Null, double Perfect);
