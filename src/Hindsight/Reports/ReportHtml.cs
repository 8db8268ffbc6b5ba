using System.Globalization;
using System.Text;
using Hindsight.Calendar;
using Hindsight.Incidents;
using Hindsight.Maturity;
using Hindsight.Metrics;
using Hindsight.Practices;
using static Hindsight.Reports.Svg;

namespace Hindsight.Reports;

/// <summary>
/// The learning report as one self-contained HTML page: inline CSS and SVG, no script, nothing fetched. Every piece
/// of user text (titles, services, teams, action texts, terms) goes through <see cref="Svg.Escape"/>.
/// </summary>
public static partial class ReportHtml
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    // how many rows each list shows; a list that holds more says how many of how many
    private const int ThemesShown = 15;
    private const int AnomaliesShown = 8;
    private const int DeploysShown = 10;
    private const int PropagationShown = 8;
    private const int PracticesShown = 10;
    private const int HygieneShown = 3;

    private const string Style = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;background:#f6f5f2;color:#1f2328}
        header{background:#1f2933;color:#fff;padding:18px 32px}header h1{margin:0;font-size:22px}header p{margin:4px 0 0;color:#cbd2d9}
        main{padding:20px 32px;display:grid;grid-template-columns:repeat(auto-fill,minmax(460px,1fr));gap:18px}
        section{background:#fff;border:1px solid #e3e1dc;border-radius:8px;padding:14px 18px}section.wide{grid-column:1/-1}
        h2{font-size:16px;margin:0 0 10px}h3{font-size:13px;margin:12px 0 6px;color:#52606d}
        table{border-collapse:collapse;width:100%;font-size:13px}td,th{padding:4px 6px;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
        th{color:#52606d;font-weight:600}td.n{text-align:right;font-variant-numeric:tabular-nums}
        .tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:10px}
        .tile{border:1px solid #e3e1dc;border-radius:6px;padding:8px 10px}.tile .v{font-size:22px;font-weight:600}.tile .k{color:#52606d;font-size:12px}
        .missing{color:#9aa5b1;font-style:italic;font-size:12px}
        .level{display:flex;gap:6px;margin:6px 0 10px}.level div{flex:1;padding:8px;border-radius:6px;background:#eceae4;text-align:center;font-size:12px}
        .level div.on{background:#c2410c;color:#fff;font-weight:600}
        .good{color:#15803d}.bad{color:#b91c1c}.tag{display:inline-block;background:#fde7d9;color:#9a3412;border-radius:4px;padding:0 6px;margin:1px;font-size:12px}
        svg .axis{stroke:#9aa5b1}svg .tick{font-size:10px;fill:#52606d}svg .series{fill:none;stroke:#c2410c;stroke-width:2}svg .dot{fill:#c2410c}
        svg .bar{fill:#e8a87c}svg .expected{stroke:#1f2933;stroke-dasharray:3 2}svg .edge{stroke:#cbd2d9}svg .node{fill:#9aa5b1}svg .node.hot{fill:#c2410c}
        svg .label{font-size:10px;fill:#1f2933}
        """;

    /// <summary>Renders the page.</summary>
    public static string Render(LearningReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var input = report.Input;
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
            .Append("<title>Hindsight learning report — ").Append(Escape(input.Organisation)).Append("</title><style>").Append(Style).Append("</style></head><body>");
        html.Append("<header><h1>Learning report — ").Append(Escape(input.Organisation)).Append(input.Team is { } team ? $", team {Escape(team)}" : "").Append("</h1><p>")
            .Append(Invariant, $"{input.Incidents.Count:N0} incidents{UndatedNote.Of(input.Undated)}")
            .Append(input.Since is { } since ? $" since {since:yyyy-MM-dd}" : "")
            .Append(Invariant, $" · generated {input.Now:yyyy-MM-dd HH:mm} UTC</p></header><main>");
        Maturity(html, report.Maturity);
        Figures(html, report);
        Trends(html, report);
        Patterns(html, report);
        Dependencies(html, report);
        Themes(html, report);
        Practices(html, report);
        Hygiene(html, report);
        Measures(html, report.Measures);
        Forecasts(html, report);
        return html.Append("</main></body></html>").ToString();
    }

    private static void Maturity(StringBuilder html, IReadOnlyList<MaturityAssessment> maturity)
    {
        var m = maturity[0];
        html.Append("<section class=\"wide\"><h2>Maturity</h2>");
        html.Append("<div class=\"level\">");
        for (var level = 1; level <= 4; level++)
        {
            html.Append(Invariant, $"<div class=\"{(m.Level == level ? "on" : "")}\">{level} {MaturityModel.Names[level]}</div>");
        }

        html.Append("</div>");
        html.Append(m.Level is null ? "<p class=\"missing\">not measurable: none of its indicators can be measured from this history</p>"
            : $"<p>Level <b>{m.Level} {m.Name}</b>{(m.HeldBackBy.Count == 0 ? "" : ", held back by " + string.Join(", ", m.HeldBackBy.Select(h => $"<span class=\"tag\">{Escape(h.Replace('_', ' '))}</span>")))}.{(m.Advice is null ? "" : $" To move up: {Escape(m.Advice)}")}</p>");
        html.Append("<table><tr><th>scope</th><th>level</th><th>recurrence</th><th>learning utilisation</th><th>improvement implementation</th></tr>");
        foreach (var a in maturity)
        {
            html.Append("<tr><td>").Append(Escape(a.Scope)).Append("</td><td>").Append(a.Level is { } l ? $"{l} {a.Name}" : "—").Append("</td>");
            foreach (var i in a.Indicators)
            {
                html.Append("<td>").Append(i.Value is { } v ? $"{v.ToString("P1", Invariant)} <span class=\"missing\">(level {i.Level}{(i.Target is null ? "" : $"; next needs {Escape(i.Target)}")})</span>" : $"<span class=\"missing\">{Escape(i.Missing)}</span>").Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</table></section>");
    }

    private static void Figures(StringBuilder html, LearningReport r)
    {
        html.Append("<section class=\"wide\"><h2>Learning metrics</h2><div class=\"tiles\">");
        Tile(html, "median time to resolve", Minutes(r.Time["time_to_resolve"].Median), $"p90 {Minutes(r.Time["time_to_resolve"].P90)} · {r.ResolveTrend.Describe()}");
        Tile(html, "median time to detect", Minutes(r.Time["time_to_detect"].Median), $"p90 {Minutes(r.Time["time_to_detect"].P90)} · {r.DetectTrend.Describe()}");
        Tile(html, "learning velocity", r.LearningVelocity?.ToString("0.00", Invariant), "0 to 1; higher learns faster");
        Rate(html, "recurrence rate", r.Recurrence, "target < 10 %");
        Rate(html, "knowledge utilisation", r.KnowledgeUtilisation, "past knowledge consulted when it existed");
        Rate(html, "knowledge application", r.KnowledgeApplication, "consulted items that helped");
        Rate(html, "adaptation success", r.AdaptationSuccess, "tested hypotheses that were confirmed");
        Rate(html, "improvement implementation", r.Implementation, "action items done of those due");
        Rate(html, "improvement effectiveness", r.Effectiveness, "measured / expected effect");
        Rate(html, "prevention effect", r.Prevention, "incidents avoided / predicted");
        Tile(html, "response efficiency", r.ResponseEfficiency?.ToString("0.00", Invariant), "MTTR / MTTR of similar past incidents (below 1 is faster)");
        Tile(html, "readiness", r.Readiness?.Readiness.ToString("P0", Invariant), r.Readiness is { } g ? $"{g.Prepared} of {g.Expected} scenarios drilled" : "no graded drill recorded");
        Rate(html, "root-cause accuracy", r.Measures.RootCause.Accuracy, "suggested failure modes people confirmed");
        Rate(html, "knowledge generalisation", r.Measures.Reuse.Generalisation, "learnings reused on another service or team");
        Rate(html, "organisational learning efficiency", r.Measures.Reuse.OrganisationalEfficiency, "learnings reused by another team");
        Tile(html, "capability improvement", r.Measures.Capability.ResolveFaster is { } faster ? (faster >= 0 ? $"{faster.ToString("P0", Invariant)} faster" : $"{(-faster).ToString("P0", Invariant)} slower") : null,
            r.Measures.Capability.Missing ?? "the same failure mode resolved, later half against earlier half");
        Tile(html, "regression tests, last quarter", r.Coverage.Count == 0 ? null : (r.Coverage[^1].FromIncidents + r.Coverage[^1].FromDrills).ToString(Invariant), "coverage expansion");
        html.Append("</div></section>");
    }

    private static void Trends(StringBuilder html, LearningReport r)
    {
        html.Append("<section><h2>Time to resolve (median per quarter)</h2>").Append(Line(r.ResolveTrend.Points.Select(p => (p.Quarter, p.Value)).ToList(), Minutes)).Append("</section>");
        html.Append("<section><h2>Time to detect (median per quarter)</h2>").Append(Line(r.DetectTrend.Points.Select(p => (p.Quarter, p.Value)).ToList(), Minutes)).Append("</section>");
        html.Append("<section><h2>Learning velocity per quarter</h2>").Append(Line(r.LearningVelocityByQuarter.Select(q => (q.Quarter, q.Score)).ToList(), v => v.ToString("0.00", Invariant))).Append("</section>");
        html.Append("<section><h2>Recurrence rate per quarter</h2>").Append(Line(r.RecurrenceTrend.Points.Select(p => (p.Quarter, p.Value)).ToList(), v => v.ToString("P0", Invariant))).Append("</section>");
    }

    private static void Patterns(StringBuilder html, LearningReport r)
    {
        html.Append("<section><h2>When incidents start (UTC, hour × weekday)</h2>").Append(Heatmap(r.HourByWeekday, UtcWeek.DayNames));
        foreach (var p in r.Seasonality)
        {
            html.Append(Invariant, $"<p>{Escape(p.Name)}: peak <b>{Escape(p.Peak)}</b> at {p.PeakRatio:0.00}× the even rate — {(p.IsReal ? "a real pattern" : "no significant pattern")} (χ² test p: {P(p.Test.PValue)})</p>");
        }

        if (r.Seasonality.FirstOrDefault(p => p.Name == "month") is { } month)
        {
            html.Append("<h3>Incidents per month of year (dashes: an even spread)</h3>").Append(Bars(month.Buckets, month.Observed, month.Expected));
        }

        html.Append("</section><section><h2>Risky deploys</h2>");
        var allRisky = r.Deploys.Where(d => d.PValue < 0.01 && d.Lift > 1).ToList();
        var risky = allRisky.Take(DeploysShown).ToList();
        if (risky.Count == 0)
        {
            html.Append("<p class=\"missing\">").Append(r.Deploys.Count == 0 ? "no deployments recorded" : "no service or weekday fails significantly more often than chance").Append("</p>");
        }
        else
        {
            html.Append(Invariant, $"<p class=\"missing\">{allRisky.Count:N0} significantly riskier than chance (p &lt; 0.01){(allRisky.Count > DeploysShown ? $"; the first {DeploysShown}" : "")}</p>");
            html.Append("<table><tr><th>service</th><th>weekday</th><th>deploys</th><th>change failure rate</th><th>lift</th><th>p</th></tr>");
            foreach (var d in risky)
            {
                html.Append(Invariant, $"<tr><td>{Escape(d.Service)}</td><td>{Escape(d.Weekday ?? "all")}</td><td class=\"n\">{d.Deploys:N0}</td><td class=\"n\">{d.Rate:P1}</td><td class=\"n\">{d.Lift:0.0}×</td><td class=\"n\">{P(d.PValue)}</td></tr>");
            }

            html.Append("</table>");
        }

        html.Append("</section>");
    }

    private static void Dependencies(StringBuilder html, LearningReport r)
    {
        html.Append("<section><h2>Dependencies: where incidents pass through</h2>");
        var names = r.Input.Dependencies.SelectMany(d => new[] { d.Service, d.DependsOn }).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var index = names.Select((n, k) => (n, k)).ToDictionary(x => x.n, x => x.k, StringComparer.Ordinal);
        var through = r.Propagation.ToDictionary(p => p.Service, p => p.Incidents, StringComparer.OrdinalIgnoreCase);
        var hot = r.Propagation.Take(5).Select(p => p.Service).ToHashSet(StringComparer.OrdinalIgnoreCase);
        html.Append(Graph([.. names.Select(n => (n, (double)through.GetValueOrDefault(n), hot.Contains(n)))], [.. r.Input.Dependencies.Select(d => (index[d.Service], index[d.DependsOn]))]));
        if (r.Propagation.Count > 0)
        {
            html.Append(Invariant, $"<p class=\"missing\">{r.Propagation.Count:N0} services incidents passed through{(r.Propagation.Count > PropagationShown ? $"; the {PropagationShown} busiest" : "")}</p>");
            html.Append("<table><tr><th>service</th><th>incidents through it</th><th>of which not listed on it</th><th>blast radius</th></tr>");
            var radius = r.BlastRadius.ToDictionary(b => b.Service, b => b.BlastRadius.Count, StringComparer.Ordinal);
            foreach (var p in r.Propagation.Take(PropagationShown))
            {
                html.Append(Invariant, $"<tr><td>{Escape(p.Service)}</td><td class=\"n\">{p.Incidents:N0}</td><td class=\"n\">{p.AsIntermediate:N0}</td><td class=\"n\">{(radius.TryGetValue(p.Service, out var n) ? n.ToString(Invariant) + " services" : "")}</td></tr>");
            }

            html.Append("</table>");
        }

        html.Append("</section>");
    }

    private static void Themes(StringBuilder html, LearningReport r)
    {
        var t = r.Themes;
        html.Append(Invariant, $"<section class=\"wide\"><h2>Recurring themes</h2><p class=\"missing\">{t.Themes.Count} themes over {t.Incidents:N0} incidents (similarity graph of {t.Sampled:N0}, modularity {t.Modularity:0.00}); {t.Unthemed:N0} close to none{(t.Themes.Count > ThemesShown ? $"; the {ThemesShown} largest below" : "")}</p>");
        if (t.Themes.Count > 0)
        {
            html.Append("<table><tr><th>#</th><th>theme</th><th>incidents</th><th>services</th><th>trend</th><th>per quarter</th><th>examples</th></tr>");
            foreach (var theme in t.Themes.Take(ThemesShown))
            {
                html.Append(Invariant, $"<tr><td class=\"n\">{theme.Number}</td><td>{string.Join(" ", theme.Terms.Select(term => $"<span class=\"tag\">{Escape(term)}</span>"))}</td><td class=\"n\">{theme.Size:N0}</td>")
                    .Append("<td>").Append(Escape(string.Join(", ", theme.Services))).Append("</td><td>").Append(Escape(theme.Trend.Direction ?? "—")).Append("</td><td>")
                    .Append(Bars([.. theme.Trend.Points.Select(p => p.Quarter)], [.. theme.Trend.Points.Select(p => p.Value)], width: 140, height: 36).Replace("class=\"tick\"", "class=\"tick\" display=\"none\"", StringComparison.Ordinal))
                    .Append("</td><td>").Append(Escape(string.Join(", ", theme.Members.Take(3)))).Append("</td></tr>");
            }

            html.Append("</table>");
        }

        html.Append("</section>");
    }

    private static void Practices(StringBuilder html, LearningReport r)
    {
        html.Append(Invariant, $"<section class=\"wide\"><h2>Best practices and anti-patterns</h2><p class=\"missing\">{r.Practices.Count} actions tested against resolution time (Mann–Whitney, Benjamini–Hochberg at 5 %)</p>");
        foreach (var (title, all) in new[] { ("Best practices (go with faster resolution)", PracticeAnalysis.BestPractices(r.Practices).ToList()), ("Anti-patterns (go with slower resolution)", PracticeAnalysis.AntiPatterns(r.Practices).ToList()) })
        {
            var list = all.Take(PracticesShown).ToList();
            html.Append("<h3>").Append(title).Append(all.Count > PracticesShown ? string.Create(Invariant, $": the {PracticesShown} strongest of {all.Count:N0}") : "").Append("</h3>");
            if (list.Count == 0)
            {
                html.Append("<p class=\"missing\">none significant</p>");
                continue;
            }

            html.Append("<table><tr><th>action</th><th>incidents</th><th>median with</th><th>median without</th><th>helped</th><th>p</th></tr>");
            foreach (var p in list)
            {
                html.Append(Invariant, $"<tr><td>{Escape(p.Action)}</td><td class=\"n\">{p.Support:N0}</td><td class=\"n\">{Minutes(p.MedianWith)}</td><td class=\"n\">{Minutes(p.MedianWithout)}</td><td class=\"n\">{p.HelpedRate?.ToString("P0", Invariant) ?? "—"}</td><td class=\"n\">{P(p.PValue)}</td></tr>");
            }

            html.Append("</table>");
        }

        html.Append("</section>");
    }

    private static void Hygiene(StringBuilder html, LearningReport r)
    {
        html.Append("<section><h2>Postmortem hygiene</h2><table>");
        foreach (var kind in Hindsight.Hygiene.HygieneCheck.Kinds)
        {
            var found = r.Hygiene.Single(t => t.Kind == kind);
            if (kind == "no_action_items" && !Hindsight.Hygiene.HygieneCheck.RecordsActionItems(r.Input.Incidents))
            {
                html.Append("<tr><td>no action items</td><td class=\"missing\">missing</td><td class=\"missing\">no incident records follow-up action items</td></tr>");
                continue;
            }

            html.Append(Invariant, $"<tr><td>{Escape(kind.Replace('_', ' '))}</td><td class=\"n {(found.Count == 0 ? "good" : "bad")}\">{found.Count:N0}</td><td>");
            foreach (var f in found.First.Take(HygieneShown))
            {
                html.Append("<div>").Append(Escape(f.Incident)).Append(": ").Append(Escape(f.Detail)).Append("</div>");
            }

            if (found.Count > HygieneShown)
            {
                html.Append(Invariant, $"<div class=\"missing\">and {found.Count - HygieneShown:N0} more (hindsight report --json lists more of them)</div>");
            }

            html.Append("</td></tr>");
        }

        html.Append("</table></section>");
    }

    private static void Forecasts(StringBuilder html, LearningReport r)
    {
        html.Append("<section><h2>Next month and unusual weeks</h2>");
        if (r.Forecasts.Count == 0)
        {
            html.Append("<p class=\"missing\">fewer than six whole months of history: no forecast</p>");
        }
        else
        {
            var all = r.Forecasts[0];
            html.Append(Bars([.. all.History.TakeLast(24).Select(h => h.Month)], [.. all.History.TakeLast(24).Select(h => (double)h.Count)]));
            html.Append("<table><tr><th>scope</th><th>month</th><th>forecast</th><th>how it was made, and how far off it was</th></tr>");
            foreach (var f in r.Forecasts)
            {
                html.Append(Invariant, $"<tr><td>{Escape(f.Scope == "all" ? "all services" : f.Scope)}</td><td>{Escape(f.Month)}</td><td class=\"n\">{(f.Reliable ? f.Forecast.ToString("0", Invariant) : "—")}</td><td>{Escape(f.Verdict)}</td></tr>");
            }

            html.Append("</table>");
        }

        html.Append("<h3>Weeks with unusually many incidents</h3>");
        if (r.Anomalies.Count == 0)
        {
            html.Append("<p class=\"missing\">none</p>");
        }
        else
        {
            html.Append(Invariant, $"<p class=\"missing\">{r.Anomalies.Count:N0} service-weeks{(r.Anomalies.Count > AnomaliesShown ? $"; the {AnomaliesShown} latest" : "")}</p>");
            html.Append("<table><tr><th>service</th><th>week of</th><th>incidents</th><th>a usual week</th></tr>");
            foreach (var a in r.Anomalies.Take(AnomaliesShown))
            {
                html.Append(Invariant, $"<tr><td>{Escape(a.Service)}</td><td>{Escape(a.Week)}</td><td class=\"n\">{a.Count}</td><td class=\"n\">{a.Expected:0.#}</td></tr>");
            }

            html.Append("</table>");
        }

        html.Append("</section>");
    }

    private static void Tile(StringBuilder html, string name, string? value, string note) =>
        html.Append("<div class=\"tile\"><div class=\"k\">").Append(Escape(name)).Append("</div>")
            .Append(value is null ? "<div class=\"v missing\">missing</div>" : $"<div class=\"v\">{Escape(value)}</div>")
            .Append("<div class=\"missing\">").Append(Escape(note)).Append("</div></div>");

    private static void Rate(StringBuilder html, string name, Ratio ratio, string note) =>
        Tile(html, name, ratio.Value?.ToString("P1", Invariant), ratio.Value is null ? ratio.Missing ?? note : note);

    private static string P(double p) => p < 1e-16 ? "&lt; 1e-16" : p < 0.001 ? p.ToString("0.#e0", Invariant) : p.ToString("0.###", Invariant);

    private static string Minutes(double? minutes) => minutes switch
    {
        null => "—",
        < 60 => $"{minutes.Value.ToString("0", Invariant)} min",
        < 60 * 48 => $"{(minutes.Value / 60).ToString("0.0", Invariant)} h",
        _ => $"{(minutes.Value / 1440).ToString("0.0", Invariant)} d",
    };

    private static string Minutes(double minutes) => Minutes((double?)minutes);
}
