namespace Hindsight.Application.Learning;

/// <summary>The learning metrics of an organisation's history (SPEC §3–§4).</summary>
/// <param name="Incidents">Incidents measured.</param>
/// <param name="MaintenanceIncluded">Whether incidents tagged maintenance were counted.</param>
/// <param name="Time">Time to detect, acknowledge, mitigate and resolve.</param>
/// <param name="By">The same by each dimension asked for (service, severity, team, quarter), then by group.</param>
/// <param name="Recurrence">Incidents that repeat an earlier root cause among those that can be judged.</param>
/// <param name="RecurrenceMissing">Why recurrence cannot be measured, when it cannot.</param>
/// <param name="LearningVelocity">The learning-velocity score.</param>
/// <param name="LearningVelocityByQuarter">The score per quarter.</param>
/// <param name="CoverageExpansionByQuarter">Regression tests per quarter.</param>
/// <param name="Readiness">Scenarios drilled with a passing score among those expected.</param>
/// <param name="ReadinessMissing">Why readiness cannot be measured, when it cannot.</param>
/// <param name="Rates">Knowledge utilisation and application, improvement implementation and effectiveness, prevention effect.</param>
/// <param name="ResponseEfficiencyRatio">Median of time to resolve over that of similar past incidents.</param>
/// <param name="ResponseEfficiencyIncidents">How many incidents the ratio is the median of.</param>
/// <param name="DetectionLatencyTrend">Median time to detect per quarter.</param>
public sealed record MetricsResult(
    int Incidents,
    bool MaintenanceIncluded,
    IReadOnlyDictionary<string, DurationFigure> Time,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, DurationFigure>>> By,
    RecurrenceFigure? Recurrence,
    string? RecurrenceMissing,
    double? LearningVelocity,
    IReadOnlyList<QuarterScore> LearningVelocityByQuarter,
    IReadOnlyList<CoverageFigure> CoverageExpansionByQuarter,
    ReadinessFigure? Readiness,
    string? ReadinessMissing,
    IReadOnlyDictionary<string, RateFigure> Rates,
    double? ResponseEfficiencyRatio,
    int ResponseEfficiencyIncidents,
    TrendFigure DetectionLatencyTrend)
{
    /// <summary>Undated incidents left out of every figure (they have no start time to measure from).</summary>
    public int Undated { get; init; }

    /// <summary>Alert noise, knowledge freshness and reuse, root-cause accuracy, capability improvement and culture.</summary>
    public required MeasuresFigure Measures { get; init; }
}

/// <summary>Repeated root causes.</summary>
/// <param name="Repeats">Incidents that repeat an earlier root cause.</param>
/// <param name="Judged">Incidents that can be judged (failure mode and root cause recorded).</param>
/// <param name="Rate">Repeats over judged.</param>
public sealed record RecurrenceFigure(int Repeats, int Judged, double Rate);

/// <summary>Readiness from graded drills.</summary>
/// <param name="PreparedScenarios">Archetypes drilled with a passing score.</param>
/// <param name="ExpectedScenarios">Archetypes in the catalogue.</param>
/// <param name="Rate">Prepared over expected.</param>
public sealed record ReadinessFigure(int PreparedScenarios, int ExpectedScenarios, double Rate);
