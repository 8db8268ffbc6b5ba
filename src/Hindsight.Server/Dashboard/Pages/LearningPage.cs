using System.Text;
using Hindsight.Application.Learning;
using static Hindsight.Server.Dashboard.Html;

namespace Hindsight.Server.Dashboard.Pages;

/// <summary>What keeps coming back, what works, which follow-ups are open, and what next month may bring.</summary>
internal static class LearningPage
{
    private static readonly (string Kind, string Title)[] HygieneKinds =
    [
        ("overdue_action_item", "Overdue action items"), ("no_action_items", "Postmortems without a follow-up"),
        ("no_responders", "Postmortems naming no responder"), ("severity_inconsistent", "Severity against the rubric"),
    ];

    private const int Shown = 8;

    public static string Body(ReportDocument r, long openActionItems)
    {
        var html = new StringBuilder("<div class=\"grid\">");
        var overdue = r.Hygiene.TryGetValue("overdue_action_item", out var late) ? late.Count ?? 0 : 0;
        Card(html, "Follow-ups", $"<p class=\"level\" data-figure=\"open-action-items\">{openActionItems:N0} open</p><p>{overdue:N0} of the open or in-progress action items are past their due date (listed below).</p>"
            + "<p class=\"muted\">An open item is one not done or cancelled; each incident's page lists its own.</p>", "wide");
        var themes = r.Themes.Themes.Count == 0
            ? Empty("No theme: too few incidents share wording to group them.")
            : "<table><thead><tr><th>Theme</th><th class=\"n\">Incidents</th><th>Services</th><th>Trend</th></tr></thead><tbody>"
              + string.Concat(r.Themes.Themes.Take(15).Select(t => string.Create(Invariant,
                  $"<tr><td>{E(t.Label)}{(string.Join(" · ", t.Terms.Take(5)) == t.Label ? "" : $"<div class=\"muted\">{E(string.Join(" · ", t.Terms.Take(5)))}</div>")}</td><td class=\"n\">{t.Size:N0}</td><td>{E(string.Join(", ", t.Services.Take(4)))}</td><td>{E(t.Trend.Direction ?? "too few quarters")}</td></tr>")))
              + "</tbody></table>";
        Card(html, "Recurring themes", themes, "wide");
        Card(html, "Practices that go with faster recovery", Practices(r.Practices.BestPractices, "No action goes with a significantly faster recovery."));
        Card(html, "Anti-patterns: slower recovery", Practices(r.Practices.AntiPatterns, "No action goes with a significantly slower recovery."));
        foreach (var (kind, title) in HygieneKinds)
        {
            if (!r.Hygiene.TryGetValue(kind, out var h))
            {
                continue;
            }

            Card(html, title, h.Missing is { } why ? Empty("Cannot be checked: " + why + ".")
                : h.Count == 0 ? Empty("None — every postmortem meets this check.")
                : $"<p class=\"count\" data-figure=\"hygiene-{E(kind)}\">{h.Count:N0} finding(s){(h.Count > Shown ? $", the first {Shown}:" : "")}</p><ul>"
                  + string.Concat((h.Findings ?? []).Take(Shown).Select(f => $"<li><a href=\"/incidents/{U(f.Incident)}\">{E(f.Incident)}</a> {E(f.Detail)}</li>")) + "</ul>"
                  + (h.Count > Shown ? "<p class=\"muted\">The learning report lists more (<a href=\"/report\">printable report</a>, or hindsight report --json).</p>" : ""));
        }

        var forecasts = r.Forecasts.Count == 0 ? Empty("Too few months of history to forecast.")
            : "<table><thead><tr><th>Scope</th><th>Month</th><th class=\"n\">Expected incidents</th><th>How it was made, and how far off it was</th></tr></thead><tbody>"
              + string.Concat(r.Forecasts.Select(f => string.Create(Invariant,
                  $"<tr><td>{E(f.Scope == "all" ? "all services" : f.Scope)}</td><td>{E(f.Month)}</td><td class=\"n\">{(f.Reliable ? f.Forecast.ToString("0.#", Invariant) : "—")}</td><td>{E(f.Verdict)}</td></tr>")))
              + "</tbody></table><p class=\"muted\">Back-testing forecasts each of the last months from the months before it only; a count is shown only when it missed by less than half the actual counts.</p>";
        MeasuresCards.Append(html, r.Measures);
        Card(html, "Next month", forecasts, "wide");
        return html.Append("</div>").ToString();
    }

    private static string Practices(IReadOnlyList<PracticeFigure> practices, string none) => practices.Count == 0 ? Empty(none)
        : "<table><thead><tr><th>Action</th><th class=\"n\">Incidents</th><th class=\"n\">Median with</th><th class=\"n\">without</th></tr></thead><tbody>"
          + string.Concat(practices.Take(10).Select(p => string.Create(Invariant,
              $"<tr><td>{E(p.Action)}</td><td class=\"n\">{p.Support:N0}</td><td class=\"n\">{Minutes(p.MedianMinutesWith)}</td><td class=\"n\">{Minutes(p.MedianMinutesWithout)}</td></tr>")))
          + "</tbody></table>";
}
