using System.Text.Json.Serialization;

namespace Hindsight.Application.Learning;

/// <summary>The learning report as data: every figure the text, HTML and JSON forms show (SPEC §3–§4).</summary>
/// <param name="Organisation">The organisation.</param>
/// <param name="GeneratedAt">When it was computed.</param>
/// <param name="Since">The start of its period, when limited.</param>
/// <param name="Team">The team it is limited to, when limited.</param>
/// <param name="Incidents">Incidents in scope.</param>
/// <param name="Time">The four durations over all incidents in scope.</param>
/// <param name="TimeBy">The durations by severity, team and service.</param>
/// <param name="Trends">Quarterly trends of the headline figures.</param>
/// <param name="Learning">The learning metrics.</param>
/// <param name="Maturity">The organisation's maturity, then each team's.</param>
/// <param name="Seasonality">Month, weekday and hour profiles with their chi-square tests.</param>
/// <param name="HourByWeekday">Incidents per weekday (rows, Monday first) and hour (columns), UTC.</param>
/// <param name="Deploys">Change failure figures, most significant first.</param>
/// <param name="Propagation">The services most incidents pass through.</param>
/// <param name="BlastRadius">The busiest services and what depends on them.</param>
/// <param name="Themes">Recurring themes.</param>
/// <param name="Practices">Actions that go with faster or slower recovery.</param>
/// <param name="Hygiene">Postmortem hygiene findings by kind.</param>
/// <param name="Forecasts">Next month's incidents, overall then for the busiest services.</param>
/// <param name="CountAnomalies">Weeks with unusual incident counts, latest first.</param>
public sealed record ReportDocument(
    string Organisation,
    DateTimeOffset GeneratedAt,
    DateTimeOffset? Since,
    string? Team,
    int Incidents,
    IReadOnlyDictionary<string, DurationFigure> Time,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, DurationFigure>>> TimeBy,
    ReportTrends Trends,
    ReportLearning Learning,
    IReadOnlyList<MaturityFigure> Maturity,
    IReadOnlyList<SeasonalFigure> Seasonality,
    IReadOnlyList<IReadOnlyList<int>> HourByWeekday,
    IReadOnlyList<DeployFigure> Deploys,
    IReadOnlyList<PropagationFigure> Propagation,
    IReadOnlyList<BlastRadiusFigure> BlastRadius,
    ThemesFigure Themes,
    PracticesFigure Practices,
    IReadOnlyDictionary<string, HygieneFigure> Hygiene,
    IReadOnlyList<ForecastFigure> Forecasts,
    IReadOnlyList<AnomalyFigure> CountAnomalies)
{
    /// <summary>Undated incidents of the scope, left out of every figure (they have no start time).</summary>
    public int Undated { get; init; }

    /// <summary>Alert noise, knowledge freshness and reuse, root-cause accuracy, capability improvement and culture.</summary>
    public required MeasuresFigure Measures { get; init; }
}

/// <summary>Quarterly trends of the headline figures.</summary>
/// <param name="TimeToResolveMedian">Median time to resolve (MTTR; should fall).</param>
/// <param name="TimeToDetectMedian">Median time to detect (should fall).</param>
/// <param name="RecurrenceRate">Recurrence rate (should fall).</param>
/// <param name="ResponseEfficiency">Median response-efficiency ratio (should fall).</param>
public sealed record ReportTrends(TrendFigure TimeToResolveMedian, TrendFigure TimeToDetectMedian, TrendFigure RecurrenceRate, TrendFigure ResponseEfficiency);

/// <summary>The learning metrics of the report.</summary>
/// <param name="RecurrenceRate">Repeated root causes among judgeable incidents.</param>
/// <param name="LearningVelocity">The learning-velocity score.</param>
/// <param name="LearningVelocityMissing">Why it cannot be measured, when it cannot.</param>
/// <param name="LearningVelocityByQuarter">The score per quarter.</param>
/// <param name="CoverageExpansionByQuarter">Regression tests per quarter.</param>
/// <param name="KnowledgeUtilisationRate">Incidents that consulted past knowledge where there was some.</param>
/// <param name="KnowledgeApplicationRate">Past knowledge used over knowledge available.</param>
/// <param name="AdaptationSuccessRate">Tested hypotheses that were confirmed: successful adjustments over attempts.</param>
/// <param name="ImprovementImplementationRate">Action items done over those due.</param>
/// <param name="ImprovementEffectiveness">Measured effect over expected effect.</param>
/// <param name="PreventionEffectRate">Incidents avoided over incidents predicted.</param>
/// <param name="PreventionItems">The prevention items judged, most avoided first (at most 20).</param>
/// <param name="ResponseEfficiencyRatio">Median response-efficiency ratio.</param>
/// <param name="ResponseEfficiencyMissing">Why it cannot be measured, when it cannot.</param>
/// <param name="Readiness">Scenarios drilled with a passing score over scenarios expected.</param>
public sealed record ReportLearning(
    RateFigure RecurrenceRate,
    double? LearningVelocity,
    string? LearningVelocityMissing,
    IReadOnlyList<QuarterScore> LearningVelocityByQuarter,
    IReadOnlyList<CoverageFigure> CoverageExpansionByQuarter,
    RateFigure KnowledgeUtilisationRate,
    RateFigure KnowledgeApplicationRate,
    RateFigure AdaptationSuccessRate,
    RateFigure ImprovementImplementationRate,
    RateFigure ImprovementEffectiveness,
    RateFigure PreventionEffectRate,
    IReadOnlyList<PreventionFigure> PreventionItems,
    double? ResponseEfficiencyRatio,
    string? ResponseEfficiencyMissing,
    RateFigure Readiness);

/// <summary>What one prevention action item did.</summary>
/// <param name="ActionItem">The item.</param>
/// <param name="Incident">The incident it came from.</param>
/// <param name="CompletedAt">When it was done.</param>
/// <param name="WindowDays">The window compared before and after.</param>
/// <param name="Predicted">Incidents of the same cause expected in the window after.</param>
/// <param name="Observed">Incidents of the same cause seen.</param>
/// <param name="Avoided">Predicted minus observed.</param>
public sealed record PreventionFigure(string ActionItem, string Incident, DateTimeOffset CompletedAt, int WindowDays, int Predicted, int Observed, int Avoided);

/// <summary>A maturity level and what holds it back.</summary>
/// <param name="Scope">organisation or a team.</param>
/// <param name="Level">1–4, or null when no indicator can be measured.</param>
/// <param name="Name">The level's name.</param>
/// <param name="Indicators">The three indicators.</param>
/// <param name="HeldBackBy">The indicators at the lowest level.</param>
/// <param name="Advice">What moves it to the next level.</param>
public sealed record MaturityFigure(string Scope, int? Level, string? Name, IReadOnlyList<IndicatorFigure> Indicators, IReadOnlyList<string> HeldBackBy, string? Advice);

/// <summary>One maturity indicator.</summary>
/// <param name="Indicator">Its name.</param>
/// <param name="Value">Its value.</param>
/// <param name="Level">The level it reaches.</param>
/// <param name="NextLevelNeeds">What the next level needs.</param>
/// <param name="Missing">Why it cannot be measured, when it cannot.</param>
public sealed record IndicatorFigure(string Indicator, double? Value, int? Level, string? NextLevelNeeds, string? Missing);

/// <summary>A seasonal profile and its test.</summary>
/// <param name="Profile">month, weekday or hour.</param>
/// <param name="ChiSquare">The chi-square statistic.</param>
/// <param name="PValue">Its p-value.</param>
/// <param name="Real">Whether the pattern is real (significant).</param>
/// <param name="Peak">The busiest bucket.</param>
/// <param name="PeakRatio">Its count over the even rate.</param>
/// <param name="Observed">Counts per bucket.</param>
/// <param name="Expected">Expected counts per bucket.</param>
/// <param name="Buckets">The buckets.</param>
public sealed record SeasonalFigure(string Profile, double ChiSquare, double PValue, bool Real, string Peak, double PeakRatio, IReadOnlyList<double> Observed, IReadOnlyList<double> Expected, IReadOnlyList<string> Buckets);

/// <summary>How often deploys of a service (on a weekday) are followed by an incident.</summary>
/// <param name="Service">The service.</param>
/// <param name="Weekday">The weekday, or null for all days.</param>
/// <param name="Deploys">Deploys.</param>
/// <param name="Failed">Deploys followed by an incident.</param>
/// <param name="ChangeFailureRate">Failed over deploys.</param>
/// <param name="BaseRate">The rate chance alone gives.</param>
/// <param name="Lift">Rate over base rate.</param>
/// <param name="PValue">Binomial p-value.</param>
public sealed record DeployFigure(string Service, string? Weekday, int Deploys, int Failed, double ChangeFailureRate, double BaseRate, double? Lift, double PValue);

/// <summary>A service incidents pass through.</summary>
/// <param name="Service">The service.</param>
/// <param name="Incidents">Incidents whose propagation paths include it.</param>
/// <param name="AsIntermediate">Of those, where it was not itself named affected.</param>
public sealed record PropagationFigure(string Service, int Incidents, int AsIntermediate);

/// <summary>A busy service and everything that depends on it.</summary>
/// <param name="Service">The service.</param>
/// <param name="Incidents">Its incidents.</param>
/// <param name="Services">Its blast radius.</param>
public sealed record BlastRadiusFigure(string Service, int Incidents, IReadOnlyList<string> Services);

/// <summary>The recurring themes.</summary>
/// <param name="Incidents">Incidents considered.</param>
/// <param name="GraphIncidents">Incidents in the similarity graph (a sample above a size).</param>
/// <param name="Modularity">The partition's modularity.</param>
/// <param name="Unthemed">Incidents in no theme.</param>
/// <param name="Themes">The themes, largest first.</param>
public sealed record ThemesFigure(int Incidents, int GraphIncidents, double Modularity, int Unthemed, IReadOnlyList<ThemeFigure> Themes);

/// <summary>One theme.</summary>
/// <param name="Theme">Its number.</param>
/// <param name="Label">Its label.</param>
/// <param name="Terms">Its characteristic terms.</param>
/// <param name="Size">Incidents in it.</param>
/// <param name="Services">Services it touches most.</param>
/// <param name="Trend">Incidents per quarter.</param>
/// <param name="Members">Member incident ids (at most 50).</param>
public sealed record ThemeFigure(int Theme, string Label, IReadOnlyList<string> Terms, int Size, IReadOnlyList<string> Services, TrendFigure Trend, IReadOnlyList<string> Members);

/// <summary>Actions tested against resolution time.</summary>
/// <param name="Tested">Actions tested.</param>
/// <param name="BestPractices">Actions that go with faster recovery.</param>
/// <param name="AntiPatterns">Actions that go with slower recovery.</param>
public sealed record PracticesFigure(int Tested, IReadOnlyList<PracticeFigure> BestPractices, IReadOnlyList<PracticeFigure> AntiPatterns);

/// <summary>One action tested.</summary>
/// <param name="Action">The action.</param>
/// <param name="Support">Incidents with it.</param>
/// <param name="Comparison">Comparable incidents without it.</param>
/// <param name="MedianMinutesWith">Median time to resolve with it.</param>
/// <param name="MedianMinutesWithout">Median time to resolve without it.</param>
/// <param name="Ratio">With over without.</param>
/// <param name="HelpedRate">How often it was recorded as helping.</param>
/// <param name="PValue">Mann–Whitney p-value.</param>
public sealed record PracticeFigure(string Action, int Support, int Comparison, double MedianMinutesWith, double MedianMinutesWithout, double Ratio, double? HelpedRate, double PValue);

/// <summary>The findings of one kind of hygiene check, or why the check cannot be made (then only <see cref="Missing"/>).</summary>
/// <param name="Count">How many findings.</param>
/// <param name="Findings">The first findings (at most 50).</param>
/// <param name="Missing">Why it cannot be checked.</param>
public sealed record HygieneFigure(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Count,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<HygieneItem>? Findings,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Missing);

/// <summary>One hygiene finding.</summary>
/// <param name="Incident">The incident.</param>
/// <param name="Detail">What is wrong.</param>
public sealed record HygieneItem(string Incident, string Detail);

/// <summary>A next-month forecast and its back-test.</summary>
/// <param name="Scope">all or a service.</param>
/// <param name="Month">The month forecast.</param>
/// <param name="Forecast">The expected count.</param>
/// <param name="Model">The model chosen.</param>
/// <param name="BacktestMonths">Months back-tested.</param>
/// <param name="BacktestMae">Its mean absolute error.</param>
/// <param name="BacktestMape">Its mean absolute percentage error.</param>
/// <param name="NaiveMae">The naive forecast's error.</param>
public sealed record ForecastFigure(string Scope, string Month, double Forecast, string Model, int BacktestMonths, double BacktestMae, double? BacktestMape, double NaiveMae)
{
    /// <summary>Whether the count is worth showing (its back-tested error is under half the actual counts); when not, show no number.</summary>
    public bool Reliable { get; init; } = true;

    /// <summary>Whether the model beat repeating last month's count in the back-test.</summary>
    public bool BeatsNaive { get; init; }

    /// <summary>What the forecast is worth, in words.</summary>
    public string Verdict { get; init; } = "";
}

/// <summary>A week with an unusual incident count on a service.</summary>
/// <param name="Service">The service.</param>
/// <param name="Week">The week.</param>
/// <param name="Count">Incidents that week.</param>
/// <param name="Expected">Incidents expected.</param>
/// <param name="Score">How unusual.</param>
public sealed record AnomalyFigure(string Service, string Week, int Count, double Expected, double Score);
