using Hindsight.Hygiene;
using Hindsight.Maturity;
using Hindsight.Practices;
using Hindsight.Reports;

namespace Hindsight.Application.Learning;

/// <summary>Turns a computed <see cref="LearningReport"/> into its <see cref="ReportDocument"/>.</summary>
public static class ReportDocuments
{
    /// <summary>Member incident ids listed per theme (the size says how many there are).</summary>
    public const int ThemeMembers = 50;

    /// <summary>Hygiene findings listed per kind (the counts say how many there are).</summary>
    public const int FindingsPerKind = ReportBuilder.HygieneExamples;

    /// <summary>Why the learning velocity can be missing.</summary>
    public const string VelocityMissing = "needs two incidents and root causes with failure modes to judge repeats";

    /// <summary>Why the response-efficiency ratio can be missing.</summary>
    public const string EfficiencyMissing = "no resolved incident has resolved incidents of the same failure mode on its services before it";

    /// <summary>Why readiness can be missing.</summary>
    public const string ReadinessMissing = "no graded drill recorded (grade a drill and record it)";

    /// <summary>Why the action-item check can be missing.</summary>
    public const string NoPostmortems = "no incident records follow-up action items: the history holds no postmortems to check";

    /// <summary>The document of a report.</summary>
    public static ReportDocument Of(LearningReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var input = report.Input;
        return new ReportDocument(
            input.Organisation,
            input.Now,
            input.Since,
            input.Team,
            input.Incidents.Count,
            DurationFigure.Of(report.Time),
            report.TimeBy.ToDictionary(by => by.Key, by => (IReadOnlyDictionary<string, IReadOnlyDictionary<string, DurationFigure>>)by.Value.ToDictionary(g => g.Key, g => DurationFigure.Of(g.Value))),
            new ReportTrends(TrendFigure.Of(report.ResolveTrend), TrendFigure.Of(report.DetectTrend), TrendFigure.Of(report.RecurrenceTrend), TrendFigure.Of(report.ResponseEfficiencyTrend)),
            Learning(report),
            [.. report.Maturity.Select(Maturity)],
            [.. report.Seasonality.Select(p => new SeasonalFigure(
                p.Name, Math.Round(p.Test.Statistic, 3), p.Test.PValue, p.IsReal, p.Peak, Math.Round(p.PeakRatio, 3), p.Observed, [.. p.Expected.Select(v => Math.Round(v, 2))], p.Buckets))],
            [.. Enumerable.Range(0, 7).Select(d => (IReadOnlyList<int>)[.. Enumerable.Range(0, 24).Select(h => report.HourByWeekday[d, h])])],
            [.. report.Deploys.Take(30).Select(f => new DeployFigure(
                f.Service, f.Weekday, f.Deploys, f.Failed, Math.Round(f.Rate, 4), Math.Round(f.BaseRate, 4), double.IsFinite(f.Lift) ? Math.Round(f.Lift, 3) : null, f.PValue))],
            [.. report.Propagation.Take(20).Select(p => new PropagationFigure(p.Service, p.Incidents, p.AsIntermediate))],
            [.. report.BlastRadius.Select(b => new BlastRadiusFigure(b.Service, b.Incidents, b.BlastRadius))],
            new ThemesFigure(report.Themes.Incidents, report.Themes.Sampled, report.Themes.Modularity, report.Themes.Unthemed,
                [.. report.Themes.Themes.Select(t => new ThemeFigure(t.Number, t.Label, t.Terms, t.Size, t.Services, TrendFigure.Of(t.Trend), [.. t.Members.Take(ThemeMembers)]))]),
            new PracticesFigure(report.Practices.Count, [.. PracticeAnalysis.BestPractices(report.Practices).Select(Practice)], [.. PracticeAnalysis.AntiPatterns(report.Practices).Select(Practice)]),
            HygieneCheck.Kinds.ToDictionary(kind => kind, kind =>
            {
                if (kind == "no_action_items" && !HygieneCheck.RecordsActionItems(input.Incidents))
                {
                    return new HygieneFigure(null, null, NoPostmortems);
                }

                var found = report.Hygiene.Single(t => t.Kind == kind);
                return new HygieneFigure(found.Count, [.. found.First.Take(FindingsPerKind).Select(f => new HygieneItem(f.Incident, f.Detail))], null);
            }),
            [.. report.Forecasts.Select(f => new ForecastFigure(f.Scope, f.Month, f.Forecast, f.Model, f.BacktestMonths, f.Mae, f.Mape, f.NaiveMae)
            {
                Reliable = f.Reliable,
                BeatsNaive = f.BeatsNaive,
                Verdict = f.Verdict,
            })],
            [.. report.Anomalies.Take(50).Select(a => new AnomalyFigure(a.Service, a.Week, a.Count, a.Expected, a.Score))])
        {
            Undated = input.Undated,
            Measures = MeasuresFigure.Of(report.Measures),
        };
    }

    private static ReportLearning Learning(LearningReport report) => new(
        RateFigure.Of(report.Recurrence),
        report.LearningVelocity,
        report.LearningVelocity is null ? VelocityMissing : null,
        [.. report.LearningVelocityByQuarter.Select(q => new QuarterScore(q.Quarter, q.Score, q.Incidents))],
        [.. report.Coverage.Select(c => new CoverageFigure(c.Quarter, c.FromIncidents, c.FromDrills, c.FromIncidents + c.FromDrills))],
        RateFigure.Of(report.KnowledgeUtilisation),
        RateFigure.Of(report.KnowledgeApplication),
        RateFigure.Of(report.AdaptationSuccess),
        RateFigure.Of(report.Implementation),
        RateFigure.Of(report.Effectiveness),
        RateFigure.Of(report.Prevention),
        [.. report.PreventionItems.Select(p => new PreventionFigure(p.ActionItem, p.Incident, p.CompletedAt, p.WindowDays, p.Predicted, p.Observed, p.Avoided))],
        report.ResponseEfficiency,
        report.ResponseEfficiency is null ? EfficiencyMissing : null,
        report.Readiness is { } g ? new RateFigure(Math.Round(g.Readiness, 4), g.Prepared, g.Expected, null) : new RateFigure(null, null, null, ReadinessMissing));

    private static MaturityFigure Maturity(MaturityAssessment m) => new(
        m.Scope, m.Level, m.Name,
        [.. m.Indicators.Select(i => new IndicatorFigure(i.Name, i.Value is { } v ? Math.Round(v, 4) : null, i.Level, i.Target, i.Missing))],
        m.HeldBackBy, m.Advice);

    private static PracticeFigure Practice(PracticeFinding f) => new(
        f.Action, f.Support, f.Comparison, f.MedianWith, f.MedianWithout, Math.Round(f.Ratio, 3), f.HelpedRate is { } h ? Math.Round(h, 3) : null, f.PValue);
}
