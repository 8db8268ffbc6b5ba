using System.Globalization;
using Hindsight.Application.Errors;
using Hindsight.Application.Workspaces;
using Hindsight.Classification;
using Hindsight.Drills;
using Hindsight.Errors;
using Hindsight.Incidents;
using Hindsight.Metrics;
using Hindsight.Reports;
using Hindsight.Services;
using Hindsight.Statistics;

namespace Hindsight.Application.Learning;

/// <summary>After and before incidents: the learning metrics, the learning report, patterns and failure-mode classification — computed from the workspace's history and cached by store revision.</summary>
public sealed partial class LearningUseCases
{
    /// <summary>The most recent incidents of each failure mode the classifier learns from (training time stays bounded).</summary>
    internal const int TrainingPerFailureMode = 1_000;

    private readonly Workspace _workspace;

    internal LearningUseCases(Workspace workspace) => _workspace = workspace;

    /// <summary>Time metrics (overall and by dimension), recurrence, learning velocity, coverage, readiness and the learning rates.</summary>
    public async Task<MetricsResult> MetricsAsync(MetricsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var d in request.By.Where(d => !TimeMetrics.Dimensions.Contains(d)))
        {
            throw HindsightException.BadInput("by", $"'{d}' is not a dimension", "one of " + string.Join(", ", TimeMetrics.Dimensions));
        }

        using var scope = _workspace.Telemetry.Measure("metrics");
        var history = await _workspace.HistoryAsync(cancellationToken).ConfigureAwait(false);
        var key = $"metrics|{request.IncludeMaintenance}|{string.Join(',', request.By)}";
        var metrics = await _workspace.Analyses.GetOrAddAsync(key, history.Revision, () => Metrics(history, request, _workspace.Clock.GetUtcNow())).ConfigureAwait(false);
        _workspace.RecurrenceRate = metrics.Recurrence?.Rate;
        return metrics;
    }

    /// <summary>The learning report: time and learning metrics, maturity, patterns, themes, practices, hygiene, forecasts.</summary>
    /// <exception cref="HindsightException">A bad time, or a team with no incident in scope (bad input).</exception>
    public async Task<ReportResult> ReportAsync(ReportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var since = Require.Time(request.Since, "since");
        using var scope = _workspace.Telemetry.Measure("report");
        var history = await _workspace.HistoryAsync(cancellationToken).ConfigureAwait(false);
        var key = string.Create(CultureInfo.InvariantCulture, $"report|{since?.UtcTicks}|{request.Team}|{request.IncludeMaintenance}");
        return await _workspace.Analyses.GetOrAddAsync(key, history.Revision, () =>
        {
            var input = Input(history, since, request.Team, request.IncludeMaintenance);
            var report = ReportBuilder.Build(input);
            return new ReportResult(ReportDocuments.Of(report)) { Report = report };
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// The organisation's whole-history report as last computed, at once — even when writes have come in since: then a
    /// fresh one is computed in the background. Says which store revision and time its figures are from.
    /// </summary>
    /// <param name="waitWhenIdle">Whether a caller that finds the report older than the store, with no refresh running or cooling down, waits for a fresh one.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public async Task<CurrentReport> CurrentReportAsync(bool waitWhenIdle = false, CancellationToken cancellationToken = default)
    {
        var history = await _workspace.HistoryAsync(cancellationToken).ConfigureAwait(false);
        var latest = await _workspace.Analyses.GetLatestAsync("report|||False", history.Revision, () =>
        {
            var report = ReportBuilder.Build(Input(history, null, null, false));
            return new ReportResult(ReportDocuments.Of(report)) { Report = report };
        }, waitWhenIdle).ConfigureAwait(false);
        return new CurrentReport(latest.Value, latest.Revision, history.Revision, latest.At) { RefreshFailure = latest.RefreshFailure };
    }

    /// <summary>The service dependency map with each service's incidents and blast radius.</summary>
    public async Task<ServiceMap> ServiceMapAsync(CancellationToken cancellationToken = default)
    {
        var history = await _workspace.HistoryAsync(cancellationToken).ConfigureAwait(false);
        return await _workspace.Analyses.GetOrAddAsync("service-map", history.Revision, () =>
        {
            var graph = Hindsight.Graphs.Dependents.Graph(history.Dependencies);
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var service in history.AllIncidents.SelectMany(i => i.Services))
            {
                counts[service] = counts.GetValueOrDefault(service) + 1;
            }

            var dependents = new Dictionary<string, List<string>>(StringComparer.Ordinal); // service → those that depend on it
            foreach (var (service, dependsOn) in graph)
            {
                foreach (var d in dependsOn)
                {
                    (dependents.TryGetValue(d, out var list) ? list : dependents[d] = []).Add(service);
                }
            }

            IReadOnlyList<string> Radius(string service)
            {
                var reached = new SortedSet<string>(StringComparer.Ordinal) { service };
                var queue = new Queue<string>([service]);
                while (queue.TryDequeue(out var current))
                {
                    foreach (var caller in dependents.GetValueOrDefault(current) ?? [])
                    {
                        if (reached.Add(caller))
                        {
                            queue.Enqueue(caller);
                        }
                    }
                }

                return [.. reached];
            }

            var names = graph.Keys.Union(counts.Keys, StringComparer.Ordinal);
            return new ServiceMap(
                [.. names.Select(n => new ServiceNode(n, counts.GetValueOrDefault(n), graph.GetValueOrDefault(n) ?? [], Radius(n)))
                    .OrderByDescending(n => n.Incidents).ThenBy(n => n.Service, StringComparer.Ordinal)],
                [.. history.Dependencies.Select(d => new ServiceEdge(d.Service, d.DependsOn)).Distinct()]);
        }).ConfigureAwait(false);
    }

    /// <summary>The learning report in a few lines: maturity with its reason and next step, the learning metrics and their trends.</summary>
    public async Task<LearningSummary> SummaryAsync(CancellationToken cancellationToken = default)
    {
        var report = (await ReportAsync(new ReportRequest(), cancellationToken).ConfigureAwait(false)).Document;
        return LearningSummaries.Of(report);
    }

    /// <summary>Seasonality (month, weekday, hour, with a chi-square test) and deploys followed by incidents.</summary>
    public async Task<PatternsResult> PatternsAsync(PatternsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.WindowHours is <= 0 or > 24 * 14 || double.IsNaN(request.WindowHours))
        {
            throw HindsightException.BadInput("window_hours", $"{request.WindowHours} is out of range", "above 0 and at most two weeks (336)");
        }

        var history = await _workspace.HistoryAsync(cancellationToken).ConfigureAwait(false);
        var key = string.Create(CultureInfo.InvariantCulture, $"patterns|{request.WindowHours}|{request.Top}|{request.IncludeMaintenance}");
        return await _workspace.Analyses.GetOrAddAsync(key, history.Revision, () =>
        {
            var incidents = InScope(history.Incidents, request.IncludeMaintenance);
            var profiles = Seasonality.Profiles(incidents);
            var deploys = DeployCorrelation.Analyse(history.Deployments, incidents, history.Dependencies, TimeSpan.FromHours(request.WindowHours)).Take(Math.Max(1, request.Top));
            return new PatternsResult(
                incidents.Count,
                [.. profiles.Select(p => new SeasonalityFigure(
                    p.Name, p.IsReal, Math.Round(p.Test.Statistic, 3), p.Test.DegreesOfFreedom, p.Test.PValue, p.Peak, p.PeakRatio,
                    p.Buckets.Select((b, i) => (b, i)).ToDictionary(x => x.b, x => p.Observed[x.i]),
                    p.Buckets.Select((b, i) => (b, i)).ToDictionary(x => x.b, x => Math.Round(p.Expected[x.i], 2))))],
                history.Deployments.Count,
                request.WindowHours,
                [.. deploys.Select(d => new ChangeFailureFigure(d.Service, d.Weekday, d.Deploys, d.Failed, Math.Round(d.Rate, 4), Math.Round(d.BaseRate, 4),
                    double.IsFinite(d.Lift) ? Math.Round(d.Lift, 3) : null, d.PValue))])
            {
                Undated = UndatedInScope(history, request.IncludeMaintenance),
            };
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// The failure modes the organisation's labelled incidents suggest for a stored incident (when <paramref name="target"/>
    /// is one's id) or a description. The classifier is trained once per store revision, on the title, summary and root
    /// causes of the most recent <see cref="TrainingPerFailureMode"/> incidents of each failure mode.
    /// </summary>
    /// <exception cref="HindsightException">Fewer than two failure modes are recorded (not found).</exception>
    public async Task<ClassificationResult> ClassifyAsync(string target, int top = 3, CancellationToken cancellationToken = default)
    {
        var text = Require.Text(target, "target", "an incident id or a description");
        var stored = await _workspace.Incidents.TargetAsync(text, cancellationToken).ConfigureAwait(false);
        return await ClassifyAsync(stored, text, top, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The failure modes suggested for a stored incident (<see cref="ClassifyTarget.Id"/>, which must exist) or a
    /// description (<see cref="ClassifyTarget.Text"/>): exactly one of them.
    /// </summary>
    /// <exception cref="HindsightException">Neither or both given (bad input), the id is not stored, or fewer than two failure modes are recorded (not found).</exception>
    public async Task<ClassificationResult> ClassifyAsync(ClassifyTarget target, int top = 3, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (string.IsNullOrWhiteSpace(target.Id) == string.IsNullOrWhiteSpace(target.Text))
        {
            throw HindsightException.BadInput("id", "give exactly one of id (a stored incident) or text (a description)");
        }

        var stored = target.Id is { } id ? await _workspace.Incidents.GetAsync(id, cancellationToken).ConfigureAwait(false) : null;
        return await ClassifyAsync(stored, target.Text ?? "", top, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ClassificationResult> ClassifyAsync(Incident? stored, string text, int top, CancellationToken cancellationToken)
    {
        var history = await _workspace.HistoryAsync(cancellationToken).ConfigureAwait(false);

        // The model of the whole history is shared; an incident it learned from is classified by a model that never saw it
        // (with the shared model's calibration).
        var (shared, trainedOn) = await _workspace.Analyses.GetOrAddAsync("classifier", history.Revision, () => Train(history, leaveOut: null, like: null)).ConfigureAwait(false);
        if (shared is null)
        {
            throw HindsightException.NotFound($"organisation '{_workspace.Organisation}' has fewer than two failure modes among its incidents; nothing to learn from yet");
        }

        var classifier = shared;
        var examples = trainedOn.Count;
        if (stored is not null && trainedOn.Contains(stored.Id))
        {
            (classifier, trainedOn) = await _workspace.Analyses.GetOrAddAsync("classifier|" + stored.Id, history.Revision, () => Train(history, stored.Id, shared)).ConfigureAwait(false);
            examples = trainedOn.Count;
            if (classifier is null)
            {
                throw HindsightException.NotFound($"organisation '{_workspace.Organisation}' has fewer than two failure modes among its other incidents; nothing to learn from yet");
            }
        }

        var ranked = classifier.Predict(stored is null ? text : TextOf(stored));
        return new ClassificationResult(examples, stored?.FailureMode, [.. ranked.Take(Math.Max(1, top)).Select(s => new FailureModeSuggestion(s.Label, Math.Round(s.Confidence, 4)))])
        {
            FailureMode = TextClassifier.IsSure(ranked) ? ranked[0].Label : null,
            Calibrated = classifier.Calibrated,
        };
    }

    /// <summary>The classifier of the most recent labelled incidents of each failure mode (null with fewer than two modes), and their ids.</summary>
    private static (TextClassifier? Model, HashSet<string> TrainedOn) Train(HistorySnapshot history, string? leaveOut, TextClassifier? like)
    {
        var labelled = history.AllIncidents.Where(i => i.FailureMode is { Length: > 0 } && i.Id != leaveOut)
            .GroupBy(i => i.FailureMode!, StringComparer.Ordinal)
            .SelectMany(g => g.OrderByDescending(i => i.StartedAt).Take(TrainingPerFailureMode))
            .ToList();
        var ids = labelled.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        if (labelled.Select(i => i.FailureMode).Distinct(StringComparer.Ordinal).Count() < 2)
        {
            return (null, ids);
        }

        var examples = labelled.Select(i => (TextOf(i), i.FailureMode!));
        return (like is null ? TextClassifier.Train(examples) : TextClassifier.Train(examples, like), ids);
    }

    /// <summary>What the report is made from: the history in scope.</summary>
    private ReportInput Input(HistorySnapshot history, DateTimeOffset? since, string? team, bool maintenance)
    {
        var incidents = history.Incidents
            .Where(i => since is null || i.StartedAt >= since)
            .Where(i => maintenance || !TimeMetrics.IsMaintenance(i))
            .Where(i => team is null || string.Equals(i.Team, team, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (team is not null && incidents.Count == 0)
        {
            throw HindsightException.BadInput("team", $"no incident of team '{team}'{(since is null ? "" : " in that period")}", remedy: "the headline figures list the teams");
        }

        return new ReportInput(
            _workspace.Organisation.Name,
            incidents,
            [.. history.Deployments.Where(d => since is null || d.DeployedAt >= since)],
            history.Dependencies,
            [.. history.Drills.Where(d => since is null || d.GradedAt >= since)],
            _workspace.Clock.GetUtcNow(),
            since,
            team)
        {
            Undated = UndatedInScope(history, maintenance, team),
            Alerts = AlertsOf(history, incidents, since, team),
            ReuseIncidents = team is null ? null : InScope(history.Incidents.Where(i => since is null || i.StartedAt >= since).ToList(), maintenance),
            Confirmations = since is null && team is null ? history.Confirmations : Confirmed(history, incidents),
            Surveys = [.. history.Surveys.Where(s => (since is null || s.TakenAt >= since) && (team is null || string.Equals(s.Team, team, StringComparison.OrdinalIgnoreCase)))],
        };
    }

    /// <summary>The firings in scope: in the period, and for a team's report those linked to its incidents or on their services.</summary>
    private static List<Hindsight.AlertHistory.AlertFiring> AlertsOf(HistorySnapshot history, IReadOnlyList<Incident> incidents, DateTimeOffset? since, string? team)
    {
        var inPeriod = history.Alerts.Where(a => since is null || a.FiredAt >= since);
        if (team is null)
        {
            return [.. inPeriod];
        }

        var ids = incidents.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var services = incidents.SelectMany(i => i.Services).Select(ServiceNames.Key).ToHashSet(StringComparer.Ordinal);
        return [.. inPeriod.Where(a => (a.Incident is { } id && ids.Contains(id)) || (a.Service is { } s && services.Contains(ServiceNames.Key(s))))];
    }

    /// <summary>The confirmations of the incidents in a limited scope (a whole-history report takes them all, undated incidents' too).</summary>
    private static List<Hindsight.Confirmations.Confirmation> Confirmed(HistorySnapshot history, IReadOnlyList<Incident> incidents)
    {
        var ids = incidents.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        return [.. history.Confirmations.Where(c => ids.Contains(c.Incident))];
    }

    /// <summary>The undated incidents a time-based figure of this scope leaves out.</summary>
    private static int UndatedInScope(HistorySnapshot history, bool maintenance, string? team = null) =>
        history.Undated == 0 ? 0 : history.AllIncidents.Count(i => i.Undated
            && (maintenance || !TimeMetrics.IsMaintenance(i))
            && (team is null || string.Equals(i.Team, team, StringComparison.OrdinalIgnoreCase)));

    private static List<Incident> InScope(IReadOnlyList<Incident> incidents, bool maintenance) =>
        maintenance ? [.. incidents] : [.. incidents.Where(i => !TimeMetrics.IsMaintenance(i))];

    /// <summary>The text a failure mode is learned from and suggested for: the title, the summary and the root causes.</summary>
    private static string TextOf(Incident i) => string.Join("\n", [i.Title, i.Summary, .. i.RootCauses.Select(c => c.Description)]);

    private static MetricsResult Metrics(HistorySnapshot history, MetricsRequest request, DateTimeOffset now)
    {
        var incidents = InScope(history.Incidents, request.IncludeMaintenance);
        var drills = history.Drills;
        var recurrence = Recurrence.Analyse(incidents);
        var (velocity, terms) = LearningVelocity.Compute(recurrence);
        var repeats = (int)recurrence.Rate.Part;
        var judged = (int)recurrence.Rate.Whole;
        var readiness = SkillGaps.Of(drills, DrillCatalogue.BuiltIn);
        var efficiency = ResponseEfficiency.Ratios(recurrence.Ordered);
        var rates = new (string Name, Ratio Rate)[]
        {
            ("knowledge_utilisation_rate", KnowledgeUtilisation.Of(recurrence.Ordered)),
            ("knowledge_application_rate", KnowledgeUtilisation.Application(incidents)),
            ("adaptation_success_rate", Adaptation.SuccessRate(incidents)),
            ("improvement_implementation_rate", Improvement.ImplementationRate(incidents, now)),
            ("improvement_effectiveness", Improvement.Effectiveness(incidents)),
            ("prevention_effect_rate", PreventionEffect.Of(recurrence, now).Rate),
        };
        var measures = MeasuresFigure.Of(LearningMeasures.Of(incidents, history.Alerts, history.Confirmations, history.Surveys, now));
        return new MetricsResult(
            incidents.Count,
            request.IncludeMaintenance,
            DurationFigure.Of(TimeMetrics.Of(incidents)),
            request.By.Distinct(StringComparer.Ordinal).ToDictionary(
                d => d,
                d => (IReadOnlyDictionary<string, IReadOnlyDictionary<string, DurationFigure>>)TimeMetrics.By(incidents, TimeMetrics.Grouping(d)).ToDictionary(g => g.Key, g => DurationFigure.Of(g.Value))),
            judged == 0 ? null : new RecurrenceFigure(repeats, judged, Math.Round((double)repeats / judged, 4)),
            judged == 0 ? "no incident has both a failure mode and a root-cause description" : null,
            incidents.Count < 2 || judged == 0 ? null : Math.Round(velocity, 4),
            [.. LearningVelocity.ByQuarter(terms).Select(q => new QuarterScore(q.Quarter, q.Score, q.Incidents))],
            [.. CoverageExpansion.ByQuarter(incidents, drills).Select(c => new CoverageFigure(c.Quarter, c.FromIncidents, c.FromDrills, c.FromIncidents + c.FromDrills))],
            drills.Count == 0 ? null : new ReadinessFigure(readiness.Prepared, readiness.Expected, Math.Round(readiness.Readiness, 4)),
            drills.Count == 0 ? ReportDocuments.ReadinessMissing : null,
            rates.Select(r => KeyValuePair.Create(r.Name, RateFigure.Of(r.Rate))).Concat(measures.Rates()).ToDictionary(),
            Quantiles.Median([.. efficiency.Select(e => e.Ratio)]) is { } m ? Math.Round(m, 4) : null,
            efficiency.Count,
            TrendFigure.Of(TimeMetrics.MedianTrend(recurrence.Ordered, d => d.TimeToDetect)))
        {
            Undated = UndatedInScope(history, request.IncludeMaintenance),
            Measures = measures,
        };
    }
}
