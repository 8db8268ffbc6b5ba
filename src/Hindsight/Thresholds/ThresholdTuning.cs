namespace Hindsight.Thresholds;

/// <summary>What a back-test of alert thresholds over one metric found.</summary>
/// <param name="Samples">Samples replayed.</param>
/// <param name="Weeks">Weeks the samples span.</param>
/// <param name="Interval">The usual spacing of samples (the median).</param>
/// <param name="Incidents">Incidents during the samples.</param>
/// <param name="Budget">False alarms per week allowed.</param>
/// <param name="Best">The candidate catching the most incidents within the budget (then the fewest false alarms, then the earliest); null when none fits.</param>
/// <param name="Frontier">The trade-off: for each number of false alarms, the best detection (fewest false alarms first).</param>
/// <param name="Baseline">A fixed 3-sigma threshold (either side of the mean, no <c>for:</c>) on the same data.</param>
/// <param name="AtBaselineFalseAlarms">The best candidate with no more false alarms than the baseline.</param>
public sealed record ThresholdTuning(
    int Samples,
    double Weeks,
    TimeSpan Interval,
    int Incidents,
    double Budget,
    ThresholdCandidate? Best,
    IReadOnlyList<ThresholdCandidate> Frontier,
    ThresholdCandidate Baseline,
    ThresholdCandidate? AtBaselineFalseAlarms);
