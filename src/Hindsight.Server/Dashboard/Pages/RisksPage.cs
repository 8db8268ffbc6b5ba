using System.Text;
using Hindsight.Application.Risks;
using static Hindsight.Server.Dashboard.Html;

namespace Hindsight.Server.Dashboard.Pages;

/// <summary>The risk register: the 3 × 3 matrix, each risk, and whether its incidents bear out its stated probability.</summary>
internal static class RisksPage
{
    public static string Body(RiskMatrixResult matrix, IReadOnlyList<RiskFigure> risks, RiskAssessmentResult assessed)
    {
        var html = new StringBuilder();
        if (risks.Count == 0)
        {
            html.Append(Empty("The risk register is empty: import one (hindsight risks import FILE, or hindsight risks import --example)."));
            return html.ToString();
        }

        var grid = new StringBuilder("<table class=\"matrix\"><caption>Impact (rows) by probability (columns)</caption><thead><tr><th></th><th>low</th><th>medium</th><th>high</th></tr></thead><tbody>");
        foreach (var row in matrix.Cells.GroupBy(c => c.Impact))
        {
            grid.Append(Invariant, $"<tr><th>{E(row.Key)}</th>");
            foreach (var cell in row)
            {
                grid.Append(Invariant, $"<td class=\"cell-{E(cell.Level)}\"><strong>{cell.Risks.Count}</strong> {E(string.Join(", ", cell.Risks.Take(4)))}{(cell.Risks.Count > 4 ? " …" : "")}</td>");
            }

            grid.Append("</tr>");
        }

        Card(html, "Risk matrix", grid.Append("</tbody></table>").ToString());
        var evidence = assessed.Risks.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var table = new StringBuilder("<table><thead><tr><th>Risk</th><th>Category</th><th>Level</th><th>Stated probability</th><th>Observed in incidents</th><th>Owner</th><th>Status</th><th>Review</th></tr></thead><tbody>");
        foreach (var r in risks)
        {
            var observed = evidence.TryGetValue(r.Id, out var e)
                ? $"{E(e.ObservedProbability)} ({e.QuartersHit} of {e.Quarters} quarters){(e.Agrees ? "" : " <span class=\"bad\">disagrees</span>")}"
                : "<span class=\"muted\">no linked incident</span>";
            table.Append(Invariant, $"<tr><td><strong>{E(r.Id)}</strong> {E(r.Title)}</td><td>{E(r.Category)}</td><td><span class=\"cell-{E(r.Level)}\">{E(r.Level)}</span></td><td>{E(r.Probability)}</td><td>{observed}</td><td>{E(r.Owner ?? "—")}</td><td>{E(r.Status)}</td><td>{(r.ReviewOverdue ? "<span class=\"bad\">overdue</span>" : Day(r.ReviewDue))}</td></tr>");
        }

        Card(html, "Register", table.Append("</tbody></table>").ToString(), "wide");
        return html.ToString();
    }
}
