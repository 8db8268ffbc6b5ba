using Hindsight.Alerts;
using Hindsight.Application.Notifications;
using Hindsight.Drift;

namespace Hindsight.Application.Monitoring;

/// <summary>Watching models and systems (SPEC §6): alert rules over metric samples, and drift between data sets. No store needed.</summary>
public static class Monitoring
{
    /// <summary>Replays samples through the rules; with <paramref name="notifier"/>, posts what notifies to the channels' webhooks.</summary>
    public static async Task<AlertRun> AlertsAsync(AlertRuleSet rules, IReadOnlyList<MetricSample> samples, string rulesName, WebhookNotifier? notifier = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var events = AlertEvaluator.Evaluate(rules, samples, rulesName);
        IReadOnlyList<NotificationResult> sent = notifier is null ? [] : await notifier.SendAsync(events, rules, cancellationToken).ConfigureAwait(false);
        return new AlertRun(
            rules.Rules.Count,
            [.. events.Select(e => new AlertEventFigure(e.Rule.Name, e.At, e.Fired ? "fired" : "resolved", e.Value, e.Text, e.Rule.Severity, e.Notify, e.Message, e.Rule.Channels))],
            [.. sent.Select(s => new NotificationFigure(s.Event.Rule.Name, s.Channel.Name, s.Delivered, s.Attempts, s.Error)
            {
                Webhook = s.Channel.Webhook.ToString(),
                At = s.Event.At,
                Message = s.Event.Message,
            })]);
    }

    /// <summary>Compares current data with a baseline: PSI with the register's verdict, Kolmogorov–Smirnov, chi-square, fairness gaps.</summary>
    /// <exception cref="Hindsight.Errors.HindsightException">Bins out of range (bad input).</exception>
    public static DriftResult Drift(DataTable baseline, DataTable current, DriftOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Bins is < 2 or > 1_000)
        {
            throw Hindsight.Errors.HindsightException.BadInput("bins", $"{options.Bins} bins cannot compare distributions", "a whole number from 2 to 1000 (10 is usual)");
        }

        var report = DriftAnalysis.Compare(baseline, current, options);
        return new DriftResult(
            DriftVerdicts.Text(report.Verdict),
            [.. report.Columns.Select(c => new ColumnDriftFigure(
                c.Column, c.Categorical ? "categorical" : "numeric", c.BaselineCount, c.CurrentCount, c.Psi.Value, DriftVerdicts.Text(c.Psi.Verdict),
                new PsiBins(c.Psi.Edges, c.Psi.Categories, c.Psi.Expected, c.Psi.Actual),
                c.Ks is { } ks ? new KsFigure(Test(ks.TwoSided), Test(ks.Greater), Test(ks.Less), ks.TwoSided.Exact) : null,
                c.ChiSquare is { } chi ? new ChiSquareFigure(chi.Statistic, chi.PValue, chi.DegreesOfFreedom) : null))],
            [.. report.Fairness.Select(f => new FairnessFigure(f.File, f.DemographicParity.Difference, f.DemographicParity.Rates, f.EqualOpportunity?.Difference, f.EqualOpportunity?.Rates))]);
    }

    private static TestFigure Test(KsResult r) => new(r.Statistic, r.PValue);
}
