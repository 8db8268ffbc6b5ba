using System.CommandLine;
using System.Globalization;
using Hindsight.Alerts;
using Hindsight.Application.Monitoring;
using Hindsight.Cli.Output;

namespace Hindsight.Cli.Commands.Risk;

/// <summary><c>hindsight alerts noise</c> and <c>hindsight alerts tune</c>: alerts judged against the stored history.</summary>
internal static class AlertHistoryCommands
{
    public static Command Noise(CliContext context)
    {
        var json = GlobalOptions.Json();
        var command = new Command("noise", "Per alert rule: firings, how many led to an incident people worked, time open, pages out of hours, firings after people noticed") { json };
        command.SetAction(async (result, ct) =>
        {
            await using var host = await CliHost.OpenForReadingAsync(result, context, ct);
            var noise = await host.Workspace.Alerts.NoiseAsync(ct);
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, noise);
                return ExitCodes.Ok;
            }

            var o = context.Out;
            if (noise.Firings == 0)
            {
                o.WriteLine($"alert noise: missing — {noise.NoiseRate.Missing}");
                return ExitCodes.Ok;
            }

            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{noise.Firings:N0} firings of {noise.Rules:N0} rules; {FigureText.Rate(noise.NoiseRate)} of them led to no incident anyone worked"));
            o.WriteLine();
            o.WriteLine($"{"rule",-36} {"fired",6} {"noise",6} {"open",9} {"off-hours",9} {"late",5}");
            foreach (var r in noise.ByRule.Take(30))
            {
                o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Cut(r.Rule, 36),-36} {r.Fired,6:N0} {r.NoiseRate,6:P0} {Durations.FormatMinutes(r.MedianOpenMinutes),9} {r.OutsideWorkingHours,9:N0} {r.Late,5:N0}"));
            }

            o.WriteLine();
            o.WriteLine(noise.Noisiest.Count == 0 ? "no rule is mostly noise" : "tune first (mostly noise): " + string.Join(", ", noise.Noisiest));
            o.WriteLine(noise.Late.Count == 0 ? "no rule fired after people had noticed" : "fired after people noticed: " + string.Join(", ", noise.Late));
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Tune(CliContext context)
    {
        var metric = new Option<string>("--metric") { Description = "The metric, as named in the samples", Required = true };
        var service = new Option<string>("--service") { Description = "The service whose incidents the alert should catch", Required = true };
        var samples = new Option<string>("--samples") { Description = "Metric samples: JSON Lines {metric, at, value}, CSV metric,at,value, or CSV timestamp,value (the file's name is the metric)", Required = true };
        var budget = new Option<double>("--false-alarms-per-week") { Description = "False alarms per week you accept", DefaultValueFactory = _ => 1 };
        var lookback = new Option<int>("--lookback-minutes") { Description = "How long before an incident's start a firing still counts as catching it", DefaultValueFactory = _ => 30 };
        var json = GlobalOptions.Json();
        var command = new Command("tune", "Back-test thresholds of a metric against a service's incidents: detection, false alarms per week and lead time of each, beside a fixed 3-sigma threshold")
        {
            metric, service, samples, budget, lookback, json,
        };
        command.SetAction(async (result, ct) =>
        {
            var read = MetricSamplesFile.Read(UserError.RequireFile(result.GetValue(samples)!));
            await using var host = await CliHost.OpenForReadingAsync(result, context, ct);
            var request = new TuneRequest(result.GetValue(metric)!, result.GetValue(service)!, read)
            {
                FalseAlarmsPerWeek = result.GetValue(budget),
                LookbackMinutes = result.GetValue(lookback),
            };
            var tuning = await host.Workspace.Alerts.TuneAsync(request, ct);
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, tuning);
                return ExitCodes.Ok;
            }

            Print(context.Out, tuning);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The tuning as a table (also used by <c>eval thresholds</c>).</summary>
    internal static void Print(TextWriter o, TuningResult t)
    {
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{t.Metric} against {t.Incidents:N0} incident(s) of {t.Service}: {t.Samples:N0} samples every {Durations.FormatMinutes(t.IntervalMinutes)} over {t.Weeks:0.#} weeks"));
        o.WriteLine();
        o.WriteLine($"  {"rule",-34} {"caught",9} {"false/week",10} {"lead (median)",14}");
        foreach (var c in t.Candidates.Take(12))
        {
            o.WriteLine(Row(c, c == t.Best ? "*" : " "));
        }

        o.WriteLine(Row(t.Baseline, "σ"));
        o.WriteLine();
        o.WriteLine(t.Best is { } best
            ? string.Create(CultureInfo.InvariantCulture, $"* best within {t.FalseAlarmsPerWeek:0.##} false alarm(s) a week: {Rule(best)} — caught {best.Detected} of {best.Incidents}")
            : string.Create(CultureInfo.InvariantCulture, $"no threshold caught anything within {t.FalseAlarmsPerWeek:0.##} false alarm(s) a week; raise --false-alarms-per-week to see the trade-off"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"σ fixed 3-sigma: caught {t.Baseline.Detected} of {t.Baseline.Incidents} with {t.Baseline.FalseAlarmsPerWeek:0.##} false alarm(s) a week")
            + (t.AtBaselineFalseAlarms is { } same ? string.Create(CultureInfo.InvariantCulture, $"; with no more false alarms the best catches {same.Detected} ({Rule(same)})") : ""));
    }

    private static string Row(CandidateFigure c, string mark) => string.Create(
        CultureInfo.InvariantCulture,
        $"{mark} {Cut(Rule(c), 34),-34} {$"{c.Detected}/{c.Incidents}",9} {c.FalseAlarmsPerWeek,10:0.##} {(c.MedianLeadMinutes is { } l ? (l >= 0 ? Durations.FormatMinutes(l) + " early" : Durations.FormatMinutes(-l) + " late") : "—"),14}");

    private static string Rule(CandidateFigure c)
    {
        var threshold = c.Threshold.ToString("G5", CultureInfo.InvariantCulture);
        var what = c.Direction switch { "above" => "> " + threshold, "below" => "< " + threshold, _ => "outside mean ± " + threshold };
        return c.ForMinutes > 0 ? $"{what} for {Durations.FormatMinutes(c.ForMinutes)}" : what;
    }

    private static string Cut(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
