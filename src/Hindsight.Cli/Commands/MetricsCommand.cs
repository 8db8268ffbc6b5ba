using System.CommandLine;
using Hindsight.Application.Learning;
using Hindsight.Cli.Output;
using Hindsight.Incidents;

namespace Hindsight.Cli.Commands;

/// <summary><c>hindsight metrics</c>: time metrics, recurrence and the learning-velocity score of the stored history.</summary>
internal static class MetricsCommand
{
    public static Command Create(CliContext context)
    {
        var by = new Option<string[]>("--by") { Description = "Also break the time metrics down by service, severity, team or quarter (repeat)" };
        var maintenance = new Option<bool>("--include-maintenance") { Description = "Count incidents tagged maintenance (planned work) too" };
        var json = GlobalOptions.Json();
        var command = new Command("metrics", "Time to detect/acknowledge/mitigate/resolve (median, p90, mean), recurrence and the learning-velocity score") { by, maintenance, json };
        command.SetAction(async (result, ct) =>
        {
            await using var host = await CliHost.OpenForReadingAsync(result, context, ct, Canonical.IncidentDetail.Analysis);
            var m = await host.Workspace.Learning.MetricsAsync(new MetricsRequest { By = result.GetValue(by) ?? [], IncludeMaintenance = result.GetValue(maintenance) }, ct);
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, m);
                return ExitCodes.Ok;
            }

            var o = context.Out;
            o.WriteLine($"{m.Incidents:N0} incident(s){(m.MaintenanceIncluded ? "" : " (maintenance left out)")}{UndatedNote.Of(m.Undated)}");
            foreach (var (name, d) in m.Time)
            {
                o.WriteLine($"  {name.Replace('_', ' '),-20} {FigureText.Duration(d)}");
            }

            foreach (var (dimension, groups) in m.By)
            {
                o.WriteLine();
                o.WriteLine($"time to resolve by {dimension}:");
                foreach (var (group, d) in groups.OrderByDescending(g => g.Value["time_to_resolve"].Count).Take(20))
                {
                    o.WriteLine($"  {group,-24} {FigureText.Duration(d["time_to_resolve"])}");
                }
            }

            o.WriteLine();
            o.WriteLine(m.Recurrence is not { } r ? $"recurrence: not measurable ({m.RecurrenceMissing})"
                : $"recurrence: {r.Repeats:N0} of {r.Judged:N0} judgeable incidents repeat a root cause ({(double)r.Repeats / r.Judged:P1}; target < 10 %)");
            o.WriteLine(m.CoverageExpansionByQuarter.Count == 0 ? "coverage expansion: no regression-test action item or drill test recorded"
                : $"coverage expansion (regression tests per quarter): {string.Join(", ", m.CoverageExpansionByQuarter.TakeLast(8).Select(c => $"{c.Quarter} {c.RegressionTests}"))}");
            o.WriteLine(m.Readiness is not { } ready ? "readiness: not measurable (no graded drill recorded)"
                : $"readiness: {ready.PreparedScenarios} of {ready.ExpectedScenarios} scenarios drilled with a passing score ({ready.Rate:P0})");
            foreach (var (name, rate) in m.Rates)
            {
                o.WriteLine($"{name.Replace('_', ' ')}: {FigureText.Rate(rate)}");
            }

            o.WriteLine(m.ResponseEfficiencyRatio is { } ratio ? $"response efficiency: {ratio:0.00} × the time similar past incidents took (median over {m.ResponseEfficiencyIncidents:N0})" : "response efficiency: not measurable (no incident has similar resolved ones before it)");
            o.WriteLine($"detection latency trend: {FigureText.Trend(m.DetectionLatencyTrend)}");
            MeasuresText.Write(o, m.Measures);
            o.WriteLine(m.LearningVelocity is not { } velocity ? "learning velocity: not measurable (needs two incidents, and failure modes with root causes to judge repeats)"
                : $"learning velocity: {velocity:0.000}; by quarter: {string.Join(", ", m.LearningVelocityByQuarter.TakeLast(8).Select(q => $"{q.Quarter} {q.Score:0.00}"))}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
