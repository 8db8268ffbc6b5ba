using System.Text;
using Hindsight.Application.Drills;
using static Hindsight.Server.Dashboard.Html;

namespace Hindsight.Server.Dashboard.Pages;

/// <summary>Is the organisation ready? Drills graded so far, weak spots, and a new exercise to run.</summary>
internal static class DrillsPage
{
    public static string Body(DrillHistory h, string? sheet)
    {
        var html = new StringBuilder("<div class=\"grid\">");
        Card(html, "Readiness", h.Drills == 0
            ? Empty("No graded drill is recorded. Generate an exercise below, run it as a tabletop, and grade it (hindsight drill grade … --record).")
            : $"<p class=\"level\" data-figure=\"readiness\">{Percent(h.Readiness)}</p><p>{h.PreparedScenarios} of {h.ExpectedScenarios} scenarios drilled with a passing score, over {h.Drills} graded drill(s).</p>"
              + (h.Weak.Count == 0 ? "" : $"<p>Weakest: {E(string.Join(", ", h.Weak))}.</p>"));
        var form = new StringBuilder("<form method=\"get\" action=\"/drills\" class=\"filters\"><label>Difficulty <select name=\"difficulty\"><option>easy</option><option selected>medium</option><option>hard</option></select></label>");
        form.Append("<label>Seed <input name=\"seed\" type=\"number\" value=\"1\" min=\"1\"></label><button type=\"submit\" name=\"generate\" value=\"1\">Generate an exercise</button></form>");
        form.Append("<form method=\"get\" action=\"/drills\" class=\"filters\"><label>Replay incident <input name=\"replay\" placeholder=\"INC-000042\" required></label><button type=\"submit\">Replay</button></form>");
        Card(html, "Run a drill", form.ToString());
        if (sheet is not null)
        {
            Card(html, "Tabletop sheet", $"<pre class=\"sheet\">{E(sheet)}</pre>", "wide");
        }

        var history = h.History.Count == 0 ? Empty("No drill graded yet.")
            : "<table><thead><tr><th>Exercise</th><th>Graded</th><th>Team</th><th>Participants</th><th class=\"n\">Score</th></tr></thead><tbody>"
              + string.Concat(h.History.Select(d => string.Create(Invariant, $"<tr><td>{E(d.Exercise)}</td><td>{Day(d.GradedAt)}</td><td>{E(d.Team ?? "—")}</td><td>{E(string.Join(", ", d.Participants))}</td><td class=\"n\">{d.Overall}</td></tr>")))
              + "</tbody></table>";
        Card(html, "Grading history", history, "wide");
        return html.Append("</div>").ToString();
    }
}
