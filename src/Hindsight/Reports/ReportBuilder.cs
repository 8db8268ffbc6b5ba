using Hindsight.Drills;
using Hindsight.Forecasting;
using Hindsight.Graphs;
using Hindsight.Hygiene;
using Hindsight.Incidents;
using Hindsight.Maturity;
using Hindsight.Metrics;
using Hindsight.Practices;
using Hindsight.Statistics;
using Hindsight.Themes;

namespace Hindsight.Reports;

/// <summary>Computes a <see cref="LearningReport"/>; independent analyses run side by side.</summary>
public static class ReportBuilder
{
    /// <summary>Services given a forecast beside the organisation's.</summary>
    public const int ForecastServices = 5;

    /// <summary>Hygiene findings of each kind the report keeps (it counts them all).</summary>
    public const int HygieneExamples = 50;

    /// <summary>Prevention items the report keeps, most avoided first (at a million incidents there are hundreds of thousands).</summary>
    public const int PreventionExamples = 20;

    /// <summary>Consulted knowledge items the report keeps, stale first (it counts them all).</summary>
    public const int KnowledgeExamples = 50;

    /// <summary>Builds the report.</summary>
    public static LearningReport Build(ReportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var incidents = input.Incidents;

        // At most one analysis per core at a time (their own parallel loops still use every core): side by side, each
        // analysis's working set is held at once with the others', which at a million incidents doubled the peak.
        var scheduler = new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, Environment.ProcessorCount).ConcurrentScheduler;
        Task<T> Start<T>(Func<T> analysis) =>
            Task.Factory.StartNew(analysis, CancellationToken.None, TaskCreationOptions.HideScheduler | TaskCreationOptions.DenyChildAttach, scheduler);

        Recurrence.AnalyseRootCauses(incidents); // once, on every core, before the analyses that compare them start side by side
        var recurrence = Start(() => Recurrence.Analyse(incidents)); // the longest chain first
        var themes = Start(() => ThemeFinder.Find(incidents));
        var practices = Start(() => PracticeAnalysis.Analyse(incidents));
        var deploys = Start(() => DeployCorrelation.Analyse(input.Deployments, incidents, input.Dependencies));
        var time = Start(() => TimeMetrics.Of(incidents));
        var timeBy = Start(() => (IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, Distribution>>>)new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, Distribution>>>
        {
            ["severity"] = TimeMetrics.By(incidents, TimeMetrics.Grouping("severity")),
            ["team"] = TimeMetrics.By(incidents, TimeMetrics.Grouping("team")),
            ["service"] = TimeMetrics.By(incidents, TimeMetrics.Grouping("service")),
        });
        var hygiene = Start(() => HygieneCheck.Tally(incidents, input.Now, HygieneExamples));
        var seasonality = Start(() => (Seasonality.Profiles(incidents), Seasonality.HourByWeekday(incidents)));
        var graph = new DependencyGraph(input.Dependencies);
        var propagation = Start(() => Propagation.ThroughServices(incidents, graph));
        var busiest = incidents.SelectMany(i => i.Services).GroupBy(s => s, StringComparer.Ordinal)
            .Select(g => (Service: g.Key, Count: g.Count())).OrderByDescending(g => g.Count).ThenBy(g => g.Service, StringComparer.Ordinal).ToList();
        var forecasts = Start(() => Forecasts(input, busiest.Take(ForecastServices).Select(b => b.Service)));
        var anomalies = Start(() => CountAnomalies.Detect(incidents, input.Now));
        var measures = Start(() => LearningMeasures.Of(incidents, input.Alerts, input.Confirmations, input.Surveys, input.Now, input.ReuseIncidents));
        var knowledge = Start(() => (KnowledgeUtilisation.Of(incidents), KnowledgeUtilisation.Application(incidents),
            Improvement.ImplementationRate(incidents, input.Now), Improvement.Effectiveness(incidents), CoverageExpansion.ByQuarter(incidents, input.Drills)));

        var analysis = recurrence.Result;
        var ordered = analysis.Ordered;
        var (utilisation, application, implementation, effectiveness, coverage) = knowledge.Result;
        var maturity = Start(() => Maturity(input, analysis, utilisation, implementation));
        var efficiency = Start(() => ResponseEfficiency.Ratios(ordered));
        var (velocity, terms) = LearningVelocity.Compute(analysis);
        var (prevention, preventionItems) = PreventionEffect.Of(analysis, input.Now);
        var repeats = ordered.Select((i, k) => (Incident: i, Repeat: analysis.RepeatOf[k] >= 0, Judged: analysis.Judgeable[k])).Where(x => x.Judged).ToList();
        var dependents = Dependents.Graph(input.Dependencies);
        var report = new LearningReport
        {
            Input = input,
            Time = time.Result,
            TimeBy = timeBy.Result,
            ResolveTrend = TimeMetrics.MedianTrend(ordered, d => d.TimeToResolve),
            DetectTrend = TimeMetrics.MedianTrend(ordered, d => d.TimeToDetect),
            Recurrence = analysis.Rate,
            RecurrenceTrend = QuarterlyTrend.Of(repeats, r => r.Incident.StartedAt, g => (double)g.Count(r => r.Repeat) / g.Count),
            LearningVelocity = incidents.Count < 2 || analysis.Rate.Value is null ? null : Math.Round(velocity, 4), // without judgeable root causes every term says "new"
            LearningVelocityByQuarter = analysis.Rate.Value is null ? [] : LearningVelocity.ByQuarter(terms),
            Coverage = coverage,
            KnowledgeUtilisation = utilisation,
            KnowledgeApplication = application,
            AdaptationSuccess = Adaptation.SuccessRate(incidents),
            Implementation = implementation,
            Effectiveness = effectiveness,
            Prevention = prevention,
            PreventionItems = [.. preventionItems.Take(PreventionExamples)],
            ResponseEfficiency = Quantiles.Median([.. efficiency.Result.Select(e => e.Ratio)]) is { } m ? Math.Round(m, 4) : null,
            ResponseEfficiencyTrend = QuarterlyTrend.Of(efficiency.Result, e => e.Incident.StartedAt, g => Quantiles.Median([.. g.Select(e => e.Ratio)])),
            Readiness = input.Drills.Count == 0 ? null : SkillGaps.Of(input.Drills, DrillCatalogue.BuiltIn),
            Maturity = maturity.Result,
            Seasonality = seasonality.Result.Item1,
            HourByWeekday = seasonality.Result.Item2,
            Deploys = deploys.Result,
            Propagation = propagation.Result,
            BlastRadius = [.. busiest.Take(10).Select(b => (b.Service, b.Count, dependents.ContainsKey(b.Service) ? Dependents.BlastRadius(b.Service, dependents) : (IReadOnlyList<string>)[b.Service]))],
            Themes = themes.Result,
            Practices = practices.Result,
            Hygiene = hygiene.Result,
            Forecasts = forecasts.Result,
            Anomalies = anomalies.Result,
            Measures = measures.Result with { Freshness = measures.Result.Freshness with { Items = [.. measures.Result.Freshness.Items.Take(KnowledgeExamples)] } },
        };
        return report;
    }

    private static List<CountForecast> Forecasts(ReportInput input, IEnumerable<string> services) =>
        [.. new[] { Forecaster.Forecast("all", CountSeries.Monthly(input.Incidents, input.Now)) }
            .Concat(services.Select(s => Forecaster.Forecast(s, CountSeries.Monthly([.. input.Incidents.Where(i => i.Services.Contains(s))], input.Now, input.Incidents.Max(i => i.StartedAt)))))
            .OfType<CountForecast>()];

    private static IReadOnlyList<MaturityAssessment> Maturity(ReportInput input, RecurrenceAnalysis recurrence, Ratio utilisation, Ratio implementation)
    {
        var result = new List<MaturityAssessment> { MaturityModel.Assess(input.Team ?? "organisation", recurrence.Rate, utilisation, implementation) };
        if (input.Team is not null)
        {
            return result;
        }

        foreach (var team in input.Incidents.Where(i => i.Team is { Length: > 0 }).GroupBy(i => i.Team!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var list = team.ToList();
            result.Add(MaturityModel.Assess(team.Key, recurrence.RateWhere(i => i.Team == team.Key), KnowledgeUtilisation.Of(list), Improvement.ImplementationRate(list, input.Now)));
        }

        return result;
    }
}
