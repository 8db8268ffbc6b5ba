using System.CommandLine;
using System.Globalization;
using Hindsight.Cli.Output;
using Hindsight.Metrics;
using Hindsight.Reports;
using Hindsight.Storage;
using Hindsight.Storage.Reports;

namespace Hindsight.Cli.Commands;

/// <summary><c>hindsight report</c>: the learning report — every metric, pattern, theme and finding — as text, JSON or one HTML file.</summary>
internal static class ReportCommand
{
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
            await using var store = await GlobalOptions.OpenStoreAsync(result, context, ct);
            var input = await LoadAsync(store, GlobalOptions.OrgOf(result), ListCommand.Time(result.GetValue(since), "--since"), result.GetValue(team),
                result.GetValue(maintenance), context.Clock.GetUtcNow(), ct);
            var report = ReportBuilder.Build(input);
            if (result.GetValue(html) is { } file)
            {
                Write(file, report);
            }

            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, ReportJson.Of(report));
            }
            else
            {
                Print(context.Out, report);
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

    /// <summary>Reads one organisation's records for a report; an unknown team is a usage error.</summary>
    internal static async Task<ReportInput> LoadAsync(IHistoryStore store, string org, DateTimeOffset? since, string? team, bool maintenance, DateTimeOffset now, CancellationToken ct)
    {
        var input = await ReportLoader.LoadAsync(store, org, since, team, maintenance, now, ct);
        return team is not null && input.Incidents.Count == 0
            ? throw new UserError($"no incident of team '{team}'{(since is null ? "" : " in that period")}; 'hindsight stats' lists the teams")
            : input;
    }

    /// <summary>Writes the HTML report, creating its folder.</summary>
    internal static void Write(string file, LearningReport report)
    {
        var full = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, ReportHtml.Render(report));
    }

    private static void Print(TextWriter o, LearningReport r)
    {
        o.WriteLine($"Learning report — {r.Input.Organisation}{(r.Input.Team is { } t ? $", team {t}" : "")}: {r.Input.Incidents.Count:N0} incident(s)");
        o.WriteLine();
        foreach (var m in r.Maturity.Take(1))
        {
            o.WriteLine(m.Level is { } level
                ? $"maturity: level {level} {m.Name}; held back by {string.Join(", ", m.HeldBackBy.DefaultIfEmpty("nothing"))}"
                : "maturity: not measurable (none of its three indicators can be measured)");
            foreach (var i in m.Indicators)
            {
                o.WriteLine($"  {i.Name.Replace('_', ' '),-32} {(i.Value is { } v ? $"{v:P1} (level {i.Level}{(i.Target is null ? "" : $"; next level needs {i.Target}")})" : $"missing: {i.Missing}")}");
            }

            if (m.Advice is not null)
            {
                o.WriteLine($"  to move up: {m.Advice}");
            }
        }

        o.WriteLine();
        o.WriteLine($"time to resolve   {Line(r.Time["time_to_resolve"])}; {r.ResolveTrend.Describe()}");
        o.WriteLine($"time to detect    {Line(r.Time["time_to_detect"])}; {r.DetectTrend.Describe()}");
        o.WriteLine($"learning velocity {(r.LearningVelocity is { } lv ? lv.ToString("0.000", CultureInfo.InvariantCulture) : "missing: needs two incidents and root causes with failure modes")}");
        o.WriteLine($"recurrence        {RateText.Of(r.Recurrence)}");
        o.WriteLine($"knowledge used    {RateText.Of(r.KnowledgeUtilisation)}");
        o.WriteLine($"items implemented {RateText.Of(r.Implementation)}");
        o.WriteLine($"item effectiveness {RateText.Of(r.Effectiveness)}");
        o.WriteLine($"prevention effect {RateText.Of(r.Prevention)}");
        o.WriteLine($"response efficiency {(r.ResponseEfficiency is { } e ? $"{e:0.00} × the time similar past incidents took; {r.ResponseEfficiencyTrend.Describe()}" : "missing")}");
        o.WriteLine();
        o.WriteLine($"themes ({r.Themes.Themes.Count}; modularity {r.Themes.Modularity:0.000}):");
        foreach (var theme in r.Themes.Themes.Take(8))
        {
            o.WriteLine($"  {theme.Number,2}. {theme.Label} — {theme.Size:N0} incident(s), {theme.Trend.Direction ?? "no trend yet"}");
        }

        o.WriteLine();
        var best = Practices.PracticeAnalysis.BestPractices(r.Practices).Take(3).ToList();
        var anti = Practices.PracticeAnalysis.AntiPatterns(r.Practices).Take(3).ToList();
        o.WriteLine($"practices: {r.Practices.Count} action(s) tested; {best.Count} best practice(s), {anti.Count} anti-pattern(s) shown");
        foreach (var p in best.Concat(anti))
        {
            o.WriteLine($"  {(p.Ratio < 1 ? "best" : "anti")}  {p.Action} — median {Durations.FormatMinutes(p.MedianWith)} vs {Durations.FormatMinutes(p.MedianWithout)} ({p.Support} incidents, p {p.PValue:0.0e0})");
        }

        o.WriteLine();
        o.WriteLine("hygiene: " + string.Join(", ", ReportJson.HygieneKinds.Select(k => k == "no_action_items" && !Hygiene.HygieneCheck.RecordsActionItems(r.Input.Incidents)
            ? "no action items not measurable (no incident records any)"
            : $"{r.Hygiene.Count(f => f.Kind == k):N0} {k.Replace('_', ' ')}")));
        if (r.Forecasts.Count > 0 && r.Forecasts[0] is var f)
        {
            o.WriteLine($"forecast {f.Month}: {f.Forecast:0} incident(s) ({f.Model}; back-tested error ±{f.Mae:0.0} a month, naive ±{f.NaiveMae:0.0})");
        }

        o.WriteLine($"count anomalies: {r.Anomalies.Count} service-week(s){(r.Anomalies.Count > 0 && r.Anomalies[0] is var a ? $", latest {a.Service} week of {a.Week} ({a.Count} vs {a.Expected:0.0} expected)" : "")}");
    }

    private static string Line(Distribution d) => d.Count == 0 ? "no data" : $"median {Durations.FormatMinutes(d.Median)}, p90 {Durations.FormatMinutes(d.P90)}";
}
