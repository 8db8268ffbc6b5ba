using System.Text;
using Hindsight.Application.Learning;
using Hindsight.Reports;
using static Hindsight.Server.Dashboard.Html;

namespace Hindsight.Server.Dashboard.Pages;

/// <summary>When do incidents happen, and which deploys are followed by them?</summary>
internal static class PatternsPage
{
    private static readonly string[] Weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    public static string Body(ReportDocument r)
    {
        var html = new StringBuilder("<div class=\"grid\">");
        if (r.HourByWeekday.Count == 7 && r.HourByWeekday.All(row => row.Count == 24) && r.HourByWeekday.Sum(row => row.Sum()) > 0)
        {
            var counts = new int[7, 24];
            for (var d = 0; d < 7; d++)
            {
                for (var h = 0; h < 24; h++)
                {
                    counts[d, h] = r.HourByWeekday[d][h];
                }
            }

            Card(html, "Incidents by hour (UTC) and weekday", Svg.Heatmap(counts, Weekdays, 26) + "<p class=\"muted\">Darker cells had more incidents. Hours are UTC.</p>", "wide");
        }
        else
        {
            Card(html, "Incidents by hour (UTC) and weekday", Empty("No incident has a start time to place on the map."), "wide");
        }

        foreach (var profile in r.Seasonality)
        {
            var verdict = profile.Real
                ? $"A real pattern (chi-square p {(profile.PValue < 0.0001 ? "< 0.0001" : "= " + profile.PValue.ToString("0.####", Invariant))}): the busiest is {profile.Peak}, at {profile.PeakRatio:0.00}× the even rate."
                : $"No real pattern (chi-square p = {profile.PValue:0.###}): the differences are within chance.";
            Card(html, $"By {profile.Profile}", Svg.Bars(profile.Buckets, profile.Observed, profile.Expected, 520, 200)
                + $"<p class=\"muted\">Bars: incidents; lines: the count an even spread would give. {E(verdict)}</p>");
        }

        var deploys = new StringBuilder();
        var significant = r.Deploys.Where(d => d.PValue < 0.05).ToList();
        if (significant.Count == 0)
        {
            deploys.Append(Empty(r.Deploys.Count == 0 ? "No deploy is recorded." : "No service's deploys are followed by incidents more often than chance would give (p < 0.05)."));
        }
        else
        {
            deploys.Append("<table><thead><tr><th>Service</th><th>Weekday</th><th class=\"n\">Deploys</th><th class=\"n\">Followed by an incident</th><th class=\"n\">Change failure rate</th><th class=\"n\">Chance alone</th><th class=\"n\">p</th></tr></thead><tbody>");
            foreach (var d in significant)
            {
                deploys.Append(Invariant, $"<tr><td>{E(d.Service)}</td><td>{E(d.Weekday ?? "any")}</td><td class=\"n\">{d.Deploys:N0}</td><td class=\"n\">{d.Failed:N0}</td><td class=\"n\">{Percent(d.ChangeFailureRate)}</td><td class=\"n\">{Percent(d.BaseRate)}</td><td class=\"n\">{(d.PValue < 0.0001 ? "< 0.0001" : d.PValue.ToString("0.####", Invariant))}</td></tr>");
            }

            deploys.Append("</tbody></table><p class=\"muted\">Deploys followed by an incident on the service or what it depends on within the window, against the rate chance alone gives (binomial test, p < 0.05 shown).</p>");
        }

        Card(html, "Risky deploys", deploys.ToString(), "wide");
        return html.Append("</div>").ToString();
    }
}
