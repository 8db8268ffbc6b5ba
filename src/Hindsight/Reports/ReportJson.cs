using System.Globalization;
using System.Text.Json.Nodes;
using Hindsight.Maturity;
using Hindsight.Metrics;

namespace Hindsight.Reports;

/// <summary>The learning report as JSON (snake_case names; rates as <c>{value, part, whole}</c> or <c>{missing}</c>).</summary>
public static class ReportJson
{
    /// <summary>Member incident ids listed per theme (the size says how many there are).</summary>
    public const int ThemeMembers = 50;

    /// <summary>Hygiene findings listed per kind (the counts say how many there are).</summary>
    public const int FindingsPerKind = 50;

    /// <summary>The kinds of hygiene finding, in the order reported.</summary>
    public static readonly IReadOnlyList<string> HygieneKinds = ["no_action_items", "overdue_action_item", "no_responders", "severity_inconsistent"];

    /// <summary>The report as a JSON object.</summary>
    public static JsonObject Of(LearningReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var input = report.Input;
        return new JsonObject
        {
            ["organisation"] = input.Organisation,
            ["generated_at"] = input.Now.ToString("O", CultureInfo.InvariantCulture),
            ["since"] = input.Since?.ToString("O", CultureInfo.InvariantCulture),
            ["team"] = input.Team,
            ["incidents"] = input.Incidents.Count,
            ["time"] = Times(report.Time),
            ["time_by"] = Object(report.TimeBy, by => Object(by, Times)),
            ["trends"] = new JsonObject
            {
                ["time_to_resolve_median"] = Trend(report.ResolveTrend),
                ["time_to_detect_median"] = Trend(report.DetectTrend),
                ["recurrence_rate"] = Trend(report.RecurrenceTrend),
                ["response_efficiency"] = Trend(report.ResponseEfficiencyTrend),
            },
            ["learning"] = new JsonObject
            {
                ["recurrence_rate"] = Rate(report.Recurrence),
                ["learning_velocity"] = report.LearningVelocity,
                ["learning_velocity_missing"] = report.LearningVelocity is null ? "needs two incidents and root causes with failure modes to judge repeats" : null,
                ["learning_velocity_by_quarter"] = Array(report.LearningVelocityByQuarter, q => new JsonObject { ["quarter"] = q.Quarter, ["score"] = q.Score, ["incidents"] = q.Incidents }),
                ["coverage_expansion_by_quarter"] = Array(report.Coverage, c => new JsonObject
                {
                    ["quarter"] = c.Quarter, ["from_incidents"] = c.FromIncidents, ["from_drills"] = c.FromDrills, ["regression_tests"] = c.FromIncidents + c.FromDrills,
                }),
                ["knowledge_utilisation_rate"] = Rate(report.KnowledgeUtilisation),
                ["knowledge_application_rate"] = Rate(report.KnowledgeApplication),
                ["improvement_implementation_rate"] = Rate(report.Implementation),
                ["improvement_effectiveness"] = Rate(report.Effectiveness),
                ["prevention_effect_rate"] = Rate(report.Prevention),
                ["prevention_items"] = Array(report.PreventionItems.Take(20), p => new JsonObject
                {
                    ["action_item"] = p.ActionItem, ["incident"] = p.Incident, ["completed_at"] = p.CompletedAt.ToString("O", CultureInfo.InvariantCulture),
                    ["window_days"] = p.WindowDays, ["predicted"] = p.Predicted, ["observed"] = p.Observed, ["avoided"] = p.Avoided,
                }),
                ["response_efficiency_ratio"] = report.ResponseEfficiency is { } r ? r : null,
                ["response_efficiency_missing"] = report.ResponseEfficiency is null ? "no resolved incident has resolved incidents of the same failure mode on its services before it" : null,
                ["readiness"] = report.Readiness is { } g
                    ? new JsonObject { ["value"] = Math.Round(g.Readiness, 4), ["part"] = g.Prepared, ["whole"] = g.Expected }
                    : new JsonObject { ["missing"] = "no graded drill recorded ('hindsight drill grade … --record')" },
            },
            ["maturity"] = Array(report.Maturity, Maturity),
            ["seasonality"] = Array(report.Seasonality, p => new JsonObject
            {
                ["profile"] = p.Name, ["chi_square"] = Math.Round(p.Test.Statistic, 3), ["p_value"] = p.Test.PValue, ["real"] = p.IsReal,
                ["peak"] = p.Peak, ["peak_ratio"] = Math.Round(p.PeakRatio, 3),
                ["observed"] = Array(p.Observed, v => JsonValue.Create(v)), ["expected"] = Array(p.Expected, v => JsonValue.Create(Math.Round(v, 2))),
                ["buckets"] = Array(p.Buckets, b => JsonValue.Create(b)),
            }),
            ["hour_by_weekday"] = Array(Enumerable.Range(0, 7), d => new JsonArray([.. Enumerable.Range(0, 24).Select(h => (JsonNode)report.HourByWeekday[d, h])])),
            ["deploys"] = Array(report.Deploys.Take(30), f => new JsonObject
            {
                ["service"] = f.Service, ["weekday"] = f.Weekday, ["deploys"] = f.Deploys, ["failed"] = f.Failed,
                ["change_failure_rate"] = Math.Round(f.Rate, 4), ["base_rate"] = Math.Round(f.BaseRate, 4),
                ["lift"] = double.IsFinite(f.Lift) ? Math.Round(f.Lift, 3) : null, ["p_value"] = f.PValue,
            }),
            ["propagation"] = Array(report.Propagation.Take(20), p => new JsonObject { ["service"] = p.Service, ["incidents"] = p.Incidents, ["as_intermediate"] = p.AsIntermediate }),
            ["blast_radius"] = Array(report.BlastRadius, b => new JsonObject
            {
                ["service"] = b.Service, ["incidents"] = b.Incidents, ["services"] = Array(b.BlastRadius, s => JsonValue.Create(s)),
            }),
            ["themes"] = new JsonObject
            {
                ["incidents"] = report.Themes.Incidents, ["graph_incidents"] = report.Themes.Sampled, ["modularity"] = report.Themes.Modularity,
                ["unthemed"] = report.Themes.Unthemed,
                ["themes"] = Array(report.Themes.Themes, t => new JsonObject
                {
                    ["theme"] = t.Number, ["label"] = t.Label, ["terms"] = Array(t.Terms, s => JsonValue.Create(s)), ["size"] = t.Size,
                    ["services"] = Array(t.Services, s => JsonValue.Create(s)), ["trend"] = Trend(t.Trend),
                    ["members"] = Array(t.Members.Take(ThemeMembers), s => JsonValue.Create(s)),
                }),
            },
            ["practices"] = new JsonObject
            {
                ["tested"] = report.Practices.Count,
                ["best_practices"] = Array(Practices.PracticeAnalysis.BestPractices(report.Practices), Practice),
                ["anti_patterns"] = Array(Practices.PracticeAnalysis.AntiPatterns(report.Practices), Practice),
            },
            ["hygiene"] = new JsonObject([.. HygieneKinds.Select(kind =>
            {
                var found = report.Hygiene.Where(f => f.Kind == kind).ToList();
                return new KeyValuePair<string, JsonNode?>(kind, kind == "no_action_items" && !Hygiene.HygieneCheck.RecordsActionItems(input.Incidents)
                    ? new JsonObject { ["missing"] = "no incident records follow-up action items: the history holds no postmortems to check" }
                    : new JsonObject
                {
                    ["count"] = found.Count,
                    ["findings"] = Array(found.Take(FindingsPerKind), f => new JsonObject { ["incident"] = f.Incident, ["detail"] = f.Detail }),
                });
            })]),
            ["forecasts"] = Array(report.Forecasts, f => new JsonObject
            {
                ["scope"] = f.Scope, ["month"] = f.Month, ["forecast"] = f.Forecast, ["model"] = f.Model, ["backtest_months"] = f.BacktestMonths,
                ["backtest_mae"] = f.Mae, ["backtest_mape"] = f.Mape, ["naive_mae"] = f.NaiveMae,
            }),
            ["count_anomalies"] = Array(report.Anomalies.Take(50), a => new JsonObject
            {
                ["service"] = a.Service, ["week"] = a.Week, ["count"] = a.Count, ["expected"] = a.Expected, ["score"] = a.Score,
            }),
        };
    }

    /// <summary>A rate as JSON.</summary>
    public static JsonObject Rate(Ratio ratio)
    {
        ArgumentNullException.ThrowIfNull(ratio);
        return ratio.Value is { } v
            ? new JsonObject { ["value"] = Math.Round(v, 4), ["part"] = Math.Round(ratio.Part, 4), ["whole"] = Math.Round(ratio.Whole, 4) }
            : new JsonObject { ["missing"] = ratio.Missing ?? "nothing to measure" };
    }

    private static JsonObject Maturity(MaturityAssessment m) => new()
    {
        ["scope"] = m.Scope, ["level"] = m.Level, ["name"] = m.Name,
        ["indicators"] = Array(m.Indicators, i => new JsonObject
        {
            ["indicator"] = i.Name, ["value"] = i.Value is { } v ? Math.Round(v, 4) : null, ["level"] = i.Level, ["next_level_needs"] = i.Target, ["missing"] = i.Missing,
        }),
        ["held_back_by"] = Array(m.HeldBackBy, s => JsonValue.Create(s)),
        ["advice"] = m.Advice,
    };

    private static JsonObject Practice(Practices.PracticeFinding f) => new()
    {
        ["action"] = f.Action, ["support"] = f.Support, ["comparison"] = f.Comparison,
        ["median_minutes_with"] = f.MedianWith, ["median_minutes_without"] = f.MedianWithout, ["ratio"] = Math.Round(f.Ratio, 3),
        ["helped_rate"] = f.HelpedRate is { } h ? Math.Round(h, 3) : null, ["p_value"] = f.PValue,
    };

    /// <summary>A quarterly trend as JSON: direction, change per year and the quarters.</summary>
    public static JsonObject Trend(QuarterlyTrend t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new()
        {
            ["direction"] = t.Direction, ["change_per_year"] = t.ChangePerYear is { } c ? Math.Round(c, 4) : null,
            ["quarters"] = Array(t.Points, p => new JsonObject { ["quarter"] = p.Quarter, ["value"] = p.Value }),
        };
    }

    /// <summary>Duration distributions as JSON: count, median, p90 and mean in minutes.</summary>
    public static JsonObject Times(IReadOnlyDictionary<string, Distribution> metrics) =>
        Object(metrics, d => new JsonObject
        {
            ["count"] = d.Count, ["median_minutes"] = Round(d.Median), ["p90_minutes"] = Round(d.P90), ["mean_minutes"] = Round(d.Mean),
        });

    private static JsonObject Object<T>(IReadOnlyDictionary<string, T> map, Func<T, JsonNode> node) =>
        new([.. map.Select(kv => new KeyValuePair<string, JsonNode?>(kv.Key, node(kv.Value)))]);

    private static JsonArray Array<T>(IEnumerable<T> items, Func<T, JsonNode?> node) => new([.. items.Select(node)]);

    private static double? Round(double? v) => v is { } x ? Math.Round(x, 2) : null;
}
