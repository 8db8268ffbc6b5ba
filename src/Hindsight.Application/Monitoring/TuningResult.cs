using Hindsight.Thresholds;

namespace Hindsight.Application.Monitoring;

/// <summary>A back-test of alert thresholds on the organisation's own history.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Service">The service.</param>
/// <param name="Samples">Samples replayed.</param>
/// <param name="Weeks">Weeks they span.</param>
/// <param name="IntervalMinutes">Their usual spacing.</param>
/// <param name="Incidents">The service's incidents during them.</param>
/// <param name="FalseAlarmsPerWeek">The budget.</param>
/// <param name="Best">The candidate catching the most within the budget, or null when none fits.</param>
/// <param name="Candidates">The trade-off, fewest false alarms first.</param>
/// <param name="Baseline">A fixed 3-sigma threshold on the same data.</param>
/// <param name="AtBaselineFalseAlarms">The best candidate with no more false alarms than the baseline.</param>
public sealed record TuningResult(
    string Metric,
    string Service,
    int Samples,
    double Weeks,
    double IntervalMinutes,
    int Incidents,
    double FalseAlarmsPerWeek,
    CandidateFigure? Best,
    IReadOnlyList<CandidateFigure> Candidates,
    CandidateFigure Baseline,
    CandidateFigure? AtBaselineFalseAlarms)
{
    /// <summary>Whether a candidate catches more incidents than the 3-sigma threshold with no more false alarms.</summary>
    public bool BeatsBaseline => AtBaselineFalseAlarms is { } c && c.Detected > Baseline.Detected;

    /// <summary>The result of a tuning.</summary>
    public static TuningResult Of(string metric, string service, ThresholdTuning t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new TuningResult(
            metric,
            service,
            t.Samples,
            Math.Round(t.Weeks, 2),
            Math.Round(t.Interval.TotalMinutes, 2),
            t.Incidents,
            t.Budget,
            CandidateFigure.Of(t.Best),
            [.. t.Frontier.Select(c => CandidateFigure.Of(c)!)],
            CandidateFigure.Of(t.Baseline)!,
            CandidateFigure.Of(t.AtBaselineFalseAlarms));
    }
}
