using Hindsight.AlertHistory;
using Hindsight.Application.Errors;
using Hindsight.Application.Learning;
using Hindsight.Application.Workspaces;
using Hindsight.Errors;
using Hindsight.Metrics;
using Hindsight.Services;
using Hindsight.Thresholds;

namespace Hindsight.Application.Monitoring;

/// <summary>Alerts against the organisation's own history: which rules are noise, and which threshold would have caught its incidents.</summary>
public sealed class AlertUseCases
{
    private readonly Workspace _workspace;

    internal AlertUseCases(Workspace workspace) => _workspace = workspace;

    /// <summary>Alert noise per rule: firings, how many led to an incident people worked, time open, pages out of hours, late firings.</summary>
    public async Task<AlertNoiseFigure> NoiseAsync(CancellationToken cancellationToken = default)
    {
        var history = await _workspace.HistoryAsync(cancellationToken).ConfigureAwait(false);
        return await _workspace.Analyses.GetOrAddAsync("alert-noise", history.Revision, () =>
        {
            var report = AlertNoise.Of(history.Alerts, [.. history.Incidents.Where(i => !TimeMetrics.IsMaintenance(i))]); // as metrics and the report count them
            return new AlertNoiseFigure(report.Firings, report.Rules.Count, RateFigure.Of(report.NoiseRate), report.Rules, [.. report.Noisiest.Select(r => r.Rule)], [.. report.LateRules.Select(r => r.Rule)]);
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// Back-tests thresholds of one metric against the incidents of one service: the candidates' detection, false
    /// alarms per week and lead time, the best within the false-alarm budget, and a fixed 3-sigma threshold beside them.
    /// </summary>
    /// <exception cref="HindsightException">No samples of the metric, or no incident of the service during them (bad input / not found).</exception>
    public async Task<TuningResult> TuneAsync(TuneRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var metric = Require.Text(request.Metric, "metric", "the metric's name as in the samples");
        var service = Require.Text(request.Service, "service", "the service whose incidents the alert should catch");
        if (!double.IsFinite(request.FalseAlarmsPerWeek) || request.FalseAlarmsPerWeek < 0)
        {
            throw HindsightException.BadInput("false_alarms_per_week", $"{request.FalseAlarmsPerWeek} is not a budget", "a number of false alarms per week, 0 or more (1 is usual)");
        }

        var lookback = Require.InRange(request.LookbackMinutes, 0, 7 * 24 * 60, "lookback_minutes");
        var samples = request.Samples.Where(s => s.Value is not null && string.Equals(s.Metric, metric, StringComparison.Ordinal)).OrderBy(s => s.At).ToList();
        if (samples.Count < 2)
        {
            var names = request.Samples.Select(s => s.Metric).Distinct(StringComparer.Ordinal).Take(10).ToList();
            throw HindsightException.BadInput("metric", $"{samples.Count} numeric sample(s) of '{metric}'", names.Count == 0 ? "samples of the metric" : "one of the metrics in the samples: " + string.Join(", ", names));
        }

        var history = await _workspace.HistoryAsync(cancellationToken).ConfigureAwait(false);
        var key = ServiceNames.Key(service);
        var windows = history.Incidents
            .Where(i => i.Services.Any(s => ServiceNames.Key(s) == key))
            .Select(i => new IncidentWindow(i.Id, i.StartedAt.AddMinutes(-lookback), i.ResolvedAt ?? i.MitigatedAt ?? i.StartedAt.AddHours(1), i.DetectedAt ?? i.StartedAt))
            .Where(w => w.To >= samples[0].At && w.From <= samples[^1].At)
            .ToList();
        if (windows.Count == 0)
        {
            throw HindsightException.NotFound($"no incident of service '{service}' between {samples[0].At:yyyy-MM-dd HH:mm} and {samples[^1].At:yyyy-MM-dd HH:mm} UTC, the span of the samples: nothing to catch");
        }

        try
        {
            var tuning = ThresholdTuner.Tune([.. samples.Select(s => s.At)], [.. samples.Select(s => s.Value!.Value)], windows, request.FalseAlarmsPerWeek);
            return TuningResult.Of(metric, service, tuning);
        }
        catch (ArgumentException e)
        {
            throw HindsightException.BadInput("samples", e.Message.Split(" (Parameter", 2)[0], "finite numbers of a sensible size");
        }
    }
}
