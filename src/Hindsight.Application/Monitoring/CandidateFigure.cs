using Hindsight.Thresholds;

namespace Hindsight.Application.Monitoring;

/// <summary>One candidate threshold and what it would have done.</summary>
/// <param name="Direction">above, below, or outside (either side of the mean by the threshold).</param>
/// <param name="Threshold">The threshold.</param>
/// <param name="ForMinutes">How long the value must stay beyond it (Prometheus <c>for:</c>).</param>
/// <param name="Detected">Incidents caught.</param>
/// <param name="Incidents">Incidents in all.</param>
/// <param name="DetectionRate">Caught over all.</param>
/// <param name="FalseAlarms">Firings during no incident.</param>
/// <param name="FalseAlarmsPerWeek">False alarms per week.</param>
/// <param name="MedianLeadMinutes">Median minutes by which it fired before the incident was detected (negative: after).</param>
public sealed record CandidateFigure(
    string Direction,
    double Threshold,
    double ForMinutes,
    int Detected,
    int Incidents,
    double DetectionRate,
    int FalseAlarms,
    double FalseAlarmsPerWeek,
    double? MedianLeadMinutes)
{
    /// <summary>The figure of a candidate (null for none).</summary>
    public static CandidateFigure? Of(ThresholdCandidate? c) => c is null ? null : new CandidateFigure(
        c.Direction,
        Math.Round(c.Threshold, 6),
        Math.Round(c.For.TotalMinutes, 2),
        c.Detected,
        c.Incidents,
        Math.Round(c.DetectionRate, 4),
        c.FalseAlarms,
        Math.Round(c.FalseAlarmsPerWeek, 3),
        c.MedianLeadMinutes is { } l ? Math.Round(l, 1) : null);
}
