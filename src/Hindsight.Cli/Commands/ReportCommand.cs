using System.CommandLine;
using System.Globalization;
using Hindsight.Application.Learning;
using Hindsight.Cli.Output;
using Hindsight.Incidents;
using Hindsight.Reports;

namespace Hindsight.Cli.Commands;

/// <summary><c>hindsight report</c>: the learning report — every metric, pattern, theme and finding — as text, JSON or one HTML file.</summary>
internal static class ReportCommand
{
    private const int ThemesShown = 8;

    public static Command Create(CliContext context)
    {
        var html = new Option<string?>("--html") { Description = "Also write the report as one self-contained HTML file here" };
        var since = new Option<string?>("--since") { Description = "Only incidents that started at or after this date" };
        var team = new Option<string?>("--team") { Description = "Only this team's incidents" };
        var maintenance = new Option<bool>("--include-maintenance") { Description = "Count incidents tagged maintenance too" };
        var json = GlobalOptions.Json();
        var command = new Command("report", "The learning report: time metrics, learning metrics, maturity, patterns, themes, practices, hygiene and forecasts") { html, since, team, maintenance, json };
        command.SetAction(async (result, ct) =>
        {
            await using var host = await CliHost.OpenForReadingAsync(result, context, ct, Canonical.IncidentDetail.Analysis);
            var report = await host.Workspace.Learning.ReportAsync(new ReportRequest
            {
                Since = result.GetValue(since),
                Team = result.GetValue(team),
                IncludeMaintenance = result.GetValue(maintenance),
            }, ct);
            if (result.GetValue(html) is { } file)
            {
                Write(file, report);
            }

            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, report.Document);
            }
            else
            {
                Print(context.Out, report.Document);
                if (result.GetValue(html) is { } written)
                {
                    context.Out.WriteLine();
                    context.Out.WriteLine($"HTML report: {Path.GetFullPath(written)}");
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Writes the HTML report, creating its folder.</summary>
    internal static void Write(string file, ReportResult report)
    {
        var full = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, ReportHtml.Render(report.Report));
    }

    private static void Print(TextWriter o, ReportDocument r)
    {
        o.WriteLine($"Learning report — {r.Organisation}{(r.Team is { } t ? $", team {t}" : "")}: {r.Incidents:N0} incident(s){UndatedNote.Of(r.Undated)}");
        o.WriteLine();
        foreach (var m in r.Maturity.Take(1))
        {
            o.WriteLine(m.Level is { } level
                ? $"maturity: level {level} {m.Name}; {(m.HeldBackBy.Count == 0 ? "nothing holds it back" : "held back by " + string.Join(", ", m.HeldBackBy.Select(h => h.Replace('_', ' '))))}"
                : "maturity: not measurable (none of its three indicators can be measured)");
            foreach (var i in m.Indicators)
            {
                o.WriteLine($"  {i.Indicator.Replace('_', ' '),-32} {(i.Value is { } v ? $"{v:P1} (level {i.Level}{(i.NextLevelNeeds is null ? "" : $"; next level needs {i.NextLevelNeeds}")})" : $"missing: {i.Missing}")}");
            }

            if (m.Advice is not null)
            {
                o.WriteLine($"  to move up: {m.Advice}");
            }
        }

        var l = r.Learning;
        o.WriteLine();
        o.WriteLine($"time to resolve   {FigureText.Median(r.Time["time_to_resolve"])}; {FigureText.Trend(r.Trends.TimeToResolveMedian)}");
        o.WriteLine($"time to detect    {FigureText.Median(r.Time["time_to_detect"])}; {FigureText.Trend(r.Trends.TimeToDetectMedian)}");
        o.WriteLine($"learning velocity {(l.LearningVelocity is { } lv ? lv.ToString("0.000", CultureInfo.InvariantCulture) : "missing: " + l.LearningVelocityMissing)}");
        o.WriteLine($"recurrence        {FigureText.Rate(l.RecurrenceRate)}");
        o.WriteLine($"knowledge used    {FigureText.Rate(l.KnowledgeUtilisationRate)}");
        o.WriteLine($"items implemented {FigureText.Rate(l.ImprovementImplementationRate)}");
        o.WriteLine($"item effectiveness {FigureText.Rate(l.ImprovementEffectiveness)}");
        o.WriteLine($"prevention effect {FigureText.Rate(l.PreventionEffectRate)}");
        o.WriteLine($"response efficiency {(l.ResponseEfficiencyRatio is { } e ? $"{e:0.00} × the time similar past incidents took; {FigureText.Trend(r.Trends.ResponseEfficiency)}" : "missing: " + l.ResponseEfficiencyMissing)}");
        o.WriteLine();
        var themes = r.Themes.Themes;
        o.WriteLine($"themes: {themes.Count} (modularity {r.Themes.Modularity:0.000}){(themes.Count > ThemesShown ? $"; the {ThemesShown} largest" : "")}{(themes.Count > 0 ? ":" : "")}");
        foreach (var theme in themes.Take(ThemesShown))
        {
            o.WriteLine($"  {theme.Theme,2}. {theme.Label} — {theme.Size:N0} incident(s), {theme.Trend.Direction ?? "no trend yet"}");
        }

        o.WriteLine();
        var best = r.Practices.BestPractices.Take(3).ToList();
        var anti = r.Practices.AntiPatterns.Take(3).ToList();
        o.WriteLine($"practices: {r.Practices.Tested} action(s) tested; {best.Count} best practice(s), {anti.Count} anti-pattern(s) shown");
        foreach (var p in best.Concat(anti))
        {
            o.WriteLine($"  {(p.Ratio < 1 ? "best" : "anti")}  {p.Action} — median {Durations.FormatMinutes(p.MedianMinutesWith)} vs {Durations.FormatMinutes(p.MedianMinutesWithout)} ({p.Support} incidents, p {p.PValue:0.0e0})");
        }

        o.WriteLine();
        o.WriteLine("hygiene: " + string.Join(", ", r.Hygiene.Select(h => h.Value.Missing is { } why
            ? $"'{h.Key.Replace('_', ' ')}' cannot be checked ({why})"
            : $"{h.Value.Count:N0} {h.Key.Replace('_', ' ')}")));
        if (r.Forecasts.Count > 0 && r.Forecasts[0] is var f)
        {
            o.WriteLine(f.Reliable ? $"forecast {f.Month}: {f.Forecast:0} incident(s) — {f.Verdict}" : $"forecast {f.Month}: none — {f.Verdict}");
        }

        o.WriteLine($"count anomalies: {r.CountAnomalies.Count} service-week(s){(r.CountAnomalies.Count > 0 && r.CountAnomalies[0] is var a ? $", latest {a.Service} week of {a.Week} ({a.Count} incidents; a usual week has {a.Expected:0.#})" : "")}");
    }
}
