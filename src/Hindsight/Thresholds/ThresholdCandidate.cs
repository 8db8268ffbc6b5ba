namespace Hindsight.Thresholds;

/// <summary>One alert threshold as it would have done on the history.</summary>
/// <param name="Direction"><c>above</c>, <c>below</c>, or <c>outside</c> (both sides of the mean, for the 3-sigma baseline).</param>
/// <param name="Threshold">The threshold (for <c>outside</c>, the distance from the mean).</param>
/// <param name="For">How long the value must stay beyond it before the alert fires (Prometheus's <c>for:</c>).</param>
/// <param name="Detected">Incidents it fired during.</param>
/// <param name="Incidents">Incidents in the back-test.</param>
/// <param name="FalseAlarms">Firings during no incident.</param>
/// <param name="FalseAlarmsPerWeek">False alarms per week of samples.</param>
/// <param name="MedianLeadMinutes">
/// Median over the incidents it caught of how many minutes its first firing came before the incident was detected
/// (negative: after).
/// </param>
public sealed record ThresholdCandidate(
    string Direction,
    double Threshold,
    TimeSpan For,
    int Detected,
    int Incidents,
    int FalseAlarms,
    double FalseAlarmsPerWeek,
    double? MedianLeadMinutes)
{
    /// <summary>Detected over incidents.</summary>
    public double DetectionRate => Incidents == 0 ? 0 : (double)Detected / Incidents;
}
