using Hindsight.Drills;
using Hindsight.Forecasting;
using Hindsight.Graphs;
using Hindsight.Hygiene;
using Hindsight.Maturity;
using Hindsight.Metrics;
using Hindsight.Practices;
using Hindsight.Themes;

namespace Hindsight.Reports;

/// <summary>Everything the learning report says (SPEC §3–§4), computed once and rendered as JSON or HTML.</summary>
public sealed record LearningReport
{
    /// <summary>What it was made from.</summary>
    public required ReportInput Input { get; init; }

    /// <summary>The four durations over all incidents in scope.</summary>
    public required IReadOnlyDictionary<string, Distribution> Time { get; init; }

    /// <summary>The four durations by severity, team and service.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, Distribution>>> TimeBy { get; init; }

    /// <summary>Median time to resolve per quarter (MTTR; should fall).</summary>
    public required QuarterlyTrend ResolveTrend { get; init; }

    /// <summary>Median time to detect per quarter (detection latency; should fall).</summary>
    public required QuarterlyTrend DetectTrend { get; init; }

    /// <summary>Recurrence (repeated root causes).</summary>
    public required Ratio Recurrence { get; init; }

    /// <summary>Recurrence rate per quarter.</summary>
    public required QuarterlyTrend RecurrenceTrend { get; init; }

    /// <summary>The learning-velocity score over the whole scope (null with fewer than two incidents).</summary>
    public required double? LearningVelocity { get; init; }

    /// <summary>The score per quarter.</summary>
    public required IReadOnlyList<(string Quarter, double Score, int Incidents)> LearningVelocityByQuarter { get; init; }

    /// <summary>Regression tests per quarter, from incidents and drills.</summary>
    public required IReadOnlyList<(string Quarter, int FromIncidents, int FromDrills)> Coverage { get; init; }

    /// <summary>Knowledge utilisation rate.</summary>
    public required Ratio KnowledgeUtilisation { get; init; }

    /// <summary>Knowledge application rate.</summary>
    public required Ratio KnowledgeApplication { get; init; }

    /// <summary>Adaptation success rate: tested hypotheses that were confirmed.</summary>
    public required Ratio AdaptationSuccess { get; init; }

    /// <summary>Improvement implementation rate.</summary>
    public required Ratio Implementation { get; init; }

    /// <summary>Improvement effectiveness.</summary>
    public required Ratio Effectiveness { get; init; }

    /// <summary>Prevention effect rate.</summary>
    public required Ratio Prevention { get; init; }

    /// <summary>The prevention items judged, most avoided first (the first <see cref="ReportBuilder.PreventionExamples"/>).</summary>
    public required IReadOnlyList<PreventionOutcome> PreventionItems { get; init; }

    /// <summary>Median response-efficiency ratio (null when no incident had similar past ones).</summary>
    public required double? ResponseEfficiency { get; init; }

    /// <summary>The median ratio per quarter.</summary>
    public required QuarterlyTrend ResponseEfficiencyTrend { get; init; }

    /// <summary>Readiness from drills, or null without graded drills.</summary>
    public required SkillGaps? Readiness { get; init; }

    /// <summary>The organisation's maturity, then each team's.</summary>
    public required IReadOnlyList<MaturityAssessment> Maturity { get; init; }

    /// <summary>Month, weekday and hour profiles with their tests.</summary>
    public required IReadOnlyList<SeasonalProfile> Seasonality { get; init; }

    /// <summary>Incidents per weekday (rows, Monday first) and hour (columns), UTC.</summary>
    public required int[,] HourByWeekday { get; init; }

    /// <summary>Change failure figures, most significant first.</summary>
    public required IReadOnlyList<ChangeFailure> Deploys { get; init; }

    /// <summary>The services most incidents pass through.</summary>
    public required IReadOnlyList<PropagationCount> Propagation { get; init; }

    /// <summary>The services with the most incidents and their blast radius (the service and everything depending on it).</summary>
    public required IReadOnlyList<(string Service, int Incidents, IReadOnlyList<string> BlastRadius)> BlastRadius { get; init; }

    /// <summary>Recurring themes.</summary>
    public required ThemeAnalysis Themes { get; init; }

    /// <summary>Actions tested against resolution time.</summary>
    public required IReadOnlyList<PracticeFinding> Practices { get; init; }

    /// <summary>Postmortem hygiene: each kind's count and first <see cref="ReportBuilder.HygieneExamples"/> findings.</summary>
    public required IReadOnlyList<HygieneTally> Hygiene { get; init; }

    /// <summary>Next month's incidents, overall then for the busiest services.</summary>
    public required IReadOnlyList<CountForecast> Forecasts { get; init; }

    /// <summary>Weeks with anomalous incident counts, latest first.</summary>
    public required IReadOnlyList<CountAnomaly> Anomalies { get; init; }

    /// <summary>Alert noise, knowledge freshness and reuse, root-cause accuracy, capability improvement and culture.</summary>
    public required LearningMeasures Measures { get; init; }
}
