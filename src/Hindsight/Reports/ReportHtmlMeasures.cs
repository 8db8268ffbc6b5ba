using System.Text;
using Hindsight.Metrics;
using static Hindsight.Reports.Svg;

namespace Hindsight.Reports;

/// <summary>The report's section on alerts, knowledge freshness and culture.</summary>
public static partial class ReportHtml
{
    private const int MeasuresShown = 8;

    private static void Measures(StringBuilder html, LearningMeasures m)
    {
        html.Append("<section><h2>Alert noise</h2>");
        if (m.Alerts.Firings == 0)
        {
            html.Append("<p class=\"missing\">missing — ").Append(Escape(m.Alerts.NoiseRate.Missing)).Append("</p>");
        }
        else
        {
            html.Append(Invariant, $"<p>{m.Alerts.Firings:N0} firings of {m.Alerts.Rules.Count:N0} rules; {m.Alerts.NoiseRate.Value:P0} led to no incident anyone worked.</p>");
            html.Append("<table><tr><th>rule</th><th>fired</th><th>noise</th><th>open (median)</th><th>out of hours</th><th>after people noticed</th></tr>");
            foreach (var r in m.Alerts.Rules.Take(MeasuresShown))
            {
                html.Append("<tr><td>").Append(Escape(r.Rule)).Append(Invariant, $"</td><td class=\"n\">{r.Fired:N0}</td><td class=\"n {(r.NoiseRate > 0.5 && r.Fired >= AlertHistory.AlertNoise.MinFirings ? "bad" : "")}\">{r.NoiseRate:P0}</td>")
                    .Append(Invariant, $"<td class=\"n\">{Minutes(r.MedianOpenMinutes)}</td><td class=\"n\">{r.OutsideWorkingHours:N0}</td><td class=\"n {(r.Late > 0 ? "bad" : "")}\">{r.Late:N0}</td></tr>");
            }

            html.Append("</table>");
        }

        html.Append("</section><section><h2>Knowledge freshness</h2>");
        var f = m.Freshness;
        if (f.StaleRate.Value is not { } stale)
        {
            html.Append("<p class=\"missing\">missing — ").Append(Escape(f.StaleRate.Missing)).Append("</p>");
        }
        else
        {
            html.Append(Invariant, $"<p>{stale:P0} of consultations used knowledge neither changed nor helpful for {Knowledge.KnowledgeFreshness.StaleAfter.TotalDays:0} days.</p>");
            html.Append("<table><tr><th>stale now</th><th>consulted</th><th>helped</th><th>last changed</th><th>last helped</th></tr>");
            foreach (var item in f.Items.Where(i => i.Stale).Take(MeasuresShown))
            {
                html.Append("<tr><td>").Append(Escape(item.Ref)).Append(Invariant, $"</td><td class=\"n\">{item.Consulted:N0}</td><td class=\"n\">{item.Helped:N0}</td><td>{Day(item.LastChanged)}</td><td>{Day(item.LastHelped)}</td></tr>");
            }

            html.Append("</table>");
            if (f.Services.Count > 0)
            {
                html.Append("<h3>Services that keep consulting stale or unhelpful knowledge</h3><table><tr><th>service</th><th>consultations</th><th>stale</th><th>unhelpful</th></tr>");
                foreach (var s in f.Services.Take(MeasuresShown))
                {
                    html.Append("<tr><td>").Append(Escape(s.Service)).Append(Invariant, $"</td><td class=\"n\">{s.Consultations:N0}</td><td class=\"n\">{s.Stale:N0}</td><td class=\"n\">{s.Unhelpful:N0}</td></tr>");
                }

                html.Append("</table>");
            }
        }

        html.Append("</section><section><h2>Culture survey</h2><p class=\"missing\">what people answered; shown beside the measured indicators, never part of the maturity level</p>");
        if (m.Culture.Score is not { } score)
        {
            html.Append("<p class=\"missing\">missing — ").Append(Escape(m.Culture.Missing)).Append("</p>");
        }
        else
        {
            html.Append(Invariant, $"<p>{score:P0} of the scale in {Escape(m.Culture.Quarter)} ({m.Culture.Answers:N0} answers in all).</p>");
            html.Append("<table><tr><th>team</th><th>latest quarter</th><th>score</th><th>change since first survey</th></tr>");
            foreach (var t in m.Culture.Teams.Take(MeasuresShown * 2))
            {
                var last = t.Quarters[^1];
                html.Append("<tr><td>").Append(Escape(t.Team)).Append("</td><td>").Append(Escape(last.Quarter)).Append(Invariant, $"</td><td class=\"n\">{last.Score:P0}</td><td class=\"n\">{(t.Change is { } c ? (c >= 0 ? "+" : "−") + Math.Abs(c * 100).ToString("0", Invariant) + " points" : "—")}</td></tr>");
            }

            html.Append("</table>");
        }

        html.Append("</section>");
    }

    private static string Day(DateTimeOffset? at) => at is { } t ? t.ToString("yyyy-MM-dd", Invariant) : "—";
}
