using System.Text;
using Hindsight.Application.Silos;
using static Hindsight.Server.Dashboard.Html;

namespace Hindsight.Server.Dashboard.Pages;

/// <summary>Knowledge held by one person: who, about what, the evidence, who else knows, and what was done.</summary>
internal static class SilosPage
{
    public static string Body(HttpContext http, IReadOnlyList<SiloFigure> silos, bool mayWrite, bool changed)
    {
        var html = new StringBuilder();
        if (changed)
        {
            html.Append("<p class=\"notice\" role=\"status\">Saved: the silo's new status is in the table below.</p>");
        }

        if (silos.Count == 0)
        {
            html.Append(Empty("No knowledge silo is tracked. Silos are detected from response logs and incidents (hindsight silos, or POST /v1/silos/scan)."));
            return html.ToString();
        }

        html.Append("<section class=\"card\"><table class=\"silos\"><thead><tr><th>Who</th><th>Knows</th><th>Level</th><th>Evidence</th><th>Others who answered</th><th>Status</th>");
        html.Append(mayWrite ? "<th>Change</th>" : "").Append("</tr></thead><tbody>");
        foreach (var s in silos)
        {
            html.Append(Invariant, $"<tr><td>{E(s.Expert)}</td><td>{E(s.Category)}</td><td><span class=\"level-{E(s.Level)}\">{E(s.Level)}</span></td>");
            html.Append(Invariant, $"<td>{s.ExpertResponses:N0} of {s.TotalResponses:N0} answers ({Percent(s.Ratio)}), for {s.ConsecutiveDays} day(s)</td>");
            html.Append(Invariant, $"<td>{(s.Alternatives.Count == 0 ? "nobody" : E(string.Join(", ", s.Alternatives)))}</td>");
            html.Append(Invariant, $"<td data-status=\"{E(s.Status)}\">{E(s.Status)}{(s.MitigationAction is null ? "" : ": " + E(s.MitigationAction))}</td>");
            if (mayWrite)
            {
                html.Append("<td>");
                html.Append(Invariant, $"<form method=\"post\" action=\"/silos/mitigate\">{Token(http)}<input type=\"hidden\" name=\"expert\" value=\"{E(s.Expert)}\"><input type=\"hidden\" name=\"category\" value=\"{E(s.Category)}\">");
                html.Append(Invariant, $"<label>Action taken <input name=\"action\" required placeholder=\"paired on-call with…\"></label><button type=\"submit\">Mitigate</button></form>");
                html.Append(Invariant, $"<form method=\"post\" action=\"/silos/dismiss\">{Token(http)}<input type=\"hidden\" name=\"expert\" value=\"{E(s.Expert)}\"><input type=\"hidden\" name=\"category\" value=\"{E(s.Category)}\">");
                html.Append("<label>Reason <input name=\"reason\" placeholder=\"expected: sole owner by design\"></label><button type=\"submit\">Dismiss</button></form></td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table></section>");
        if (!mayWrite)
        {
            html.Append("<p class=\"muted\">Sign in with a key of scope write to mitigate or dismiss a silo.</p>");
        }

        return html.ToString();
    }
}
