using System.Net;
using System.Text;

namespace Hindsight.Risks;

/// <summary>The 3×3 risk matrix as a self-contained HTML page: impact by probability, each cell coloured by its level and listing its risks.</summary>
public static class RiskHeatMap
{
    private static readonly RiskBand[] Bands = [RiskBand.Low, RiskBand.Medium, RiskBand.High];

    /// <summary>Renders the page; every piece of user text is HTML-encoded.</summary>
    public static string Html(IEnumerable<Risk> risks, string title = "Risk matrix")
    {
        ArgumentNullException.ThrowIfNull(risks);
        var all = risks.ToList();
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(WebUtility.HtmlEncode(title)).Append("</title><style>")
            .Append("body{font-family:system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse}th,td{border:1px solid #999;padding:.6rem;vertical-align:top;min-width:12rem}")
            .Append(".high{background:#f4b6b0}.medium{background:#f9dc9a}.low{background:#c8e6c0}.level{font-weight:600;text-transform:uppercase;font-size:.8rem}")
            .Append("ul{margin:.3rem 0 0;padding-left:1.1rem}</style></head><body><h1>").Append(WebUtility.HtmlEncode(title)).Append("</h1>")
            .Append("<table><tr><th>impact ↓ / probability →</th>");
        foreach (var p in Bands)
        {
            html.Append("<th>").Append(Name(p)).Append("</th>");
        }

        html.Append("</tr>");
        foreach (var impact in Bands.Reverse())
        {
            html.Append("<tr><th>").Append(Name(impact)).Append("</th>");
            foreach (var probability in Bands)
            {
                var level = RiskMatrix.Level(probability, impact);
                var cell = all.Where(r => r.Band == probability && r.Impact == impact).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
                html.Append("<td class=\"").Append(Name(level)).Append("\"><div class=\"level\">").Append(Name(level)).Append(" (").Append(cell.Count).Append(")</div><ul>");
                foreach (var r in cell)
                {
                    html.Append("<li><b>").Append(WebUtility.HtmlEncode(r.Id)).Append("</b> ").Append(WebUtility.HtmlEncode(r.Title)).Append("</li>");
                }

                html.Append("</ul></td>");
            }

            html.Append("</tr>");
        }

        html.Append("</table><p>").Append(all.Count).Append(" risk(s): ")
            .Append(all.Count(r => r.Level == RiskBand.High)).Append(" high (act now), ")
            .Append(all.Count(r => r.Level == RiskBand.Medium)).Append(" medium (planned), ")
            .Append(all.Count(r => r.Level == RiskBand.Low)).Append(" low (monitor)</p></body></html>\n");
        return html.ToString();
    }

    private static string Name(RiskBand band) => band.ToString().ToLowerInvariant();
}
