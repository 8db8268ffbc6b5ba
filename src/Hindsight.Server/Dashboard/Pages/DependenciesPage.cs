using System.Text;
using Hindsight.Application.Incidents;
using Hindsight.Application.Learning;
using Hindsight.Reports;
using static Hindsight.Server.Dashboard.Html;

namespace Hindsight.Server.Dashboard.Pages;

/// <summary>How services depend on each other, and what a failure of one can reach.</summary>
internal static class DependenciesPage
{
    public static string Body(ServiceMap map, ReportDocument r)
    {
        var html = new StringBuilder();
        if (map.Edges.Count == 0)
        {
            Card(html, "Service graph", Empty("No service dependency is recorded: ingest dependency records (docs/formats.md) to see the graph and blast radii."), "wide");
        }
        else
        {
            var services = map.Services.Where(s => map.Edges.Any(e => e.Service == s.Service || e.DependsOn == s.Service)).OrderBy(s => s.Service, StringComparer.Ordinal).ToList();
            var index = services.Select((s, k) => (s.Service, k)).ToDictionary(x => x.Service, x => x.k, StringComparer.Ordinal);
            var busiest = new HashSet<string>(map.Services.Take(5).Select(s => s.Service), StringComparer.Ordinal);
            var graph = Svg.Graph([.. services.Select(s => (s.Service, (double)s.Incidents, busiest.Contains(s.Service)))],
                [.. map.Edges.Where(e => index.ContainsKey(e.Service) && index.ContainsKey(e.DependsOn)).Select(e => (index[e.Service], index[e.DependsOn]))]);
            Card(html, "Service graph", $"<div class=\"graph\">{graph}</div><p class=\"muted\">{services.Count} services, {map.Edges.Count} dependencies; larger circles had more incidents, the five busiest are darker.</p>", "wide");
        }

        html.Append("<div class=\"grid\">");
        var table = new StringBuilder("<table><thead><tr><th>Service</th><th class=\"n\">Incidents</th><th class=\"n\">Blast radius</th><th>Depends on</th></tr></thead><tbody>");
        foreach (var s in map.Services)
        {
            table.Append(Invariant, $"<tr><td><a href=\"/dependencies/{U(s.Service)}\">{E(s.Service)}</a></td><td class=\"n\">{s.Incidents:N0}</td><td class=\"n\">{s.BlastRadius.Count}</td><td>{E(string.Join(", ", s.DependsOn))}</td></tr>");
        }

        Card(html, "Services", map.Services.Count == 0 ? Empty("No service is named by any record.") : table.Append("</tbody></table>").ToString());
        var propagation = r.Propagation.Count == 0 ? Empty("No incident's services lie on a dependency path.")
            : "<table><thead><tr><th>Service</th><th class=\"n\">Incidents passing through</th><th class=\"n\">as an intermediate</th></tr></thead><tbody>"
              + string.Concat(r.Propagation.Select(p => string.Create(Invariant, $"<tr><td>{E(p.Service)}</td><td class=\"n\">{p.Incidents:N0}</td><td class=\"n\">{p.AsIntermediate:N0}</td></tr>"))) + "</tbody></table>";
        Card(html, "Where incidents propagate", propagation);
        return html.Append("</div>").ToString();
    }

    public static string Service(ServiceNode node, IncidentPage incidents)
    {
        var html = new StringBuilder("<div class=\"grid\">");
        Card(html, "Blast radius", $"<p>A failure of {E(node.Service)} can reach {node.BlastRadius.Count} service(s): itself and those that depend on it, directly or not.</p><ul>"
            + string.Concat(node.BlastRadius.Select(s => $"<li><a href=\"/dependencies/{U(s)}\">{E(s)}</a></li>")) + "</ul>");
        Card(html, "Depends on", node.DependsOn.Count == 0 ? Empty("No dependency of this service is recorded.")
            : "<ul>" + string.Concat(node.DependsOn.Select(s => $"<li><a href=\"/dependencies/{U(s)}\">{E(s)}</a></li>")) + "</ul>");
        var list = incidents.Incidents.Count == 0 ? Empty("No incident affected this service.")
            : "<ul>" + string.Concat(incidents.Incidents.Select(i => $"<li><a href=\"/incidents/{U(i.Id)}\">{E(i.Id)}</a> {E(i.Title)} <span class=\"muted\">{(i.Undated ? "undated" : Day(i.StartedAt))}</span></li>")) + "</ul>"
              + $"<p><a href=\"/incidents?service={U(node.Service)}\">All {incidents.Matched:N0} incidents of {E(node.Service)} →</a></p>";
        Card(html, "Latest incidents", list, "wide");
        return html.Append("</div>").ToString();
    }
}
