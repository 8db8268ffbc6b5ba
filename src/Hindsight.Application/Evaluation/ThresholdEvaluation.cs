using Hindsight.Application.Monitoring;
using Hindsight.Thresholds;

namespace Hindsight.Application.Evaluation;

/// <summary>
/// Threshold tuning on labelled series (NAB's windows as the incidents): per series, the tuned threshold with no more
/// false alarms than a fixed 3-sigma threshold, beside that threshold; and the totals.
/// </summary>
/// <param name="PerSeries">Each series' tuning.</param>
/// <param name="Windows">Labelled windows in all.</param>
/// <param name="BaselineDetected">Windows the 3-sigma threshold fired in.</param>
/// <param name="BaselineFalseAlarms">Its firings outside every window.</param>
/// <param name="TunedDetected">Windows the tuned thresholds fired in (each within its series' 3-sigma false alarms).</param>
/// <param name="TunedFalseAlarms">Their firings outside every window.</param>
/// <param name="SeriesBetter">Series on which the tuned threshold caught more than 3-sigma.</param>
/// <param name="SeriesWorse">Series on which it caught fewer (no one-sided threshold fitted within 3-sigma's false alarms).</param>
public sealed record ThresholdEvaluation(
    IReadOnlyDictionary<string, TuningResult> PerSeries,
    int Windows,
    int BaselineDetected,
    int BaselineFalseAlarms,
    int TunedDetected,
    int TunedFalseAlarms,
    int SeriesBetter,
    int SeriesWorse)
{
    /// <summary>Tunes every series against its windows.</summary>
    public static ThresholdEvaluation Of(IReadOnlyList<LabelledSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var per = new Dictionary<string, TuningResult>(StringComparer.Ordinal);
        foreach (var s in series)
        {
            if (s.Times.Count < 2)
            {
                throw Hindsight.Errors.HindsightException.BadInput("series", $"{s.Name} has {s.Times.Count} sample(s)", "at least two samples per series");
            }

            var windows = s.Windows.Select((w, n) => new IncidentWindow($"{s.Name}#{n + 1}", w.From, w.To, w.From)).ToList();
            per[s.Name] = TuningResult.Of(Path.GetFileNameWithoutExtension(s.Name), s.Name, ThresholdTuner.Tune(s.Times, s.Values, windows));
        }

        static int Tuned(TuningResult r) => r.AtBaselineFalseAlarms?.Detected ?? 0;
        return new ThresholdEvaluation(
            per,
            per.Values.Sum(r => r.Incidents),
            per.Values.Sum(r => r.Baseline.Detected),
            per.Values.Sum(r => r.Baseline.FalseAlarms),
            per.Values.Sum(Tuned),
            per.Values.Sum(r => r.AtBaselineFalseAlarms?.FalseAlarms ?? 0),
            per.Values.Count(r => Tuned(r) > r.Baseline.Detected),
            per.Values.Count(r => Tuned(r) < r.Baseline.Detected));
    }
}
