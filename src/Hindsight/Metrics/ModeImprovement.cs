namespace Hindsight.Metrics;

/// <summary>One failure mode's earlier and later halves.</summary>
/// <param name="FailureMode">The failure mode.</param>
/// <param name="Incidents">Its incidents.</param>
/// <param name="EarlierResolveMinutes">Median time to resolve of the earlier half.</param>
/// <param name="LaterResolveMinutes">Median time to resolve of the later half.</param>
/// <param name="ResolveChange">1 − later / earlier.</param>
/// <param name="EarlierDetectMinutes">Median time to detect of the earlier half.</param>
/// <param name="LaterDetectMinutes">Median time to detect of the later half.</param>
/// <param name="DetectChange">1 − later / earlier.</param>
public sealed record ModeImprovement(
    string FailureMode,
    int Incidents,
    double? EarlierResolveMinutes,
    double? LaterResolveMinutes,
    double? ResolveChange,
    double? EarlierDetectMinutes,
    double? LaterDetectMinutes,
    double? DetectChange);
