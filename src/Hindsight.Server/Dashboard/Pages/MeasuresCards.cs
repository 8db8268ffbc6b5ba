using System.Text;
using Hindsight.Application.Learning;
using static Hindsight.Server.Dashboard.Html;

namespace Hindsight.Server.Dashboard.Pages;

/// <summary>The learning page's cards on alert noise, stale knowledge and the culture survey.</summary>
internal static class MeasuresCards
{
    private const int Shown = 8;

    public static void Append(StringBuilder html, MeasuresFigure m)
    {
        var a = m.AlertNoise;
        Card(html, "Alert noise", a.Firings == 0 ? Empty("Not measurable: " + a.NoiseRate.Missing + ".")
            : string.Create(Invariant, $"<p><span data-figure=\"alert-noise\">{Percent(a.NoiseRate.Value)}</span> of {a.Firings:N0} firings led to no incident anyone worked.</p>")
              + "<table><thead><tr><th>Rule</th><th class=\"n\">Fired</th><th class=\"n\">Noise</th><th class=\"n\">Out of hours</th><th class=\"n\">After people noticed</th></tr></thead><tbody>"
              + string.Concat(a.ByRule.Take(Shown).Select(r => string.Create(Invariant,
                  $"<tr><td>{E(r.Rule)}{(a.Noisiest.Contains(r.Rule) ? " <span class=\"muted\">tune first</span>" : "")}</td><td class=\"n\">{r.Fired:N0}</td><td class=\"n\">{Percent(r.NoiseRate)}</td><td class=\"n\">{r.OutsideWorkingHours:N0}</td><td class=\"n\">{r.Late:N0}</td></tr>")))
              + "</tbody></table>", "wide");

        var f = m.KnowledgeFreshness;
        var stale = f.ByItem.Where(i => i.Stale).Take(Shown).ToList();
        Card(html, "Stale knowledge", f.StaleRate.Value is null ? Empty("Not measurable: " + f.StaleRate.Missing + ".")
            : string.Create(Invariant, $"<p><span data-figure=\"stale-knowledge\">{Percent(f.StaleRate.Value)}</span> of consultations used knowledge neither changed nor helpful for 180 days.</p>")
              + (stale.Count == 0 ? Empty("Nothing consulted is stale now.")
                  : "<ul>" + string.Concat(stale.Select(i => string.Create(Invariant, $"<li>{E(i.Ref)} <span class=\"muted\">consulted {i.Consulted:N0}×, last changed {Day(i.LastChanged)}, last helped {Day(i.LastHelped)}</span></li>"))) + "</ul>")
              + (f.Services.Count == 0 ? "" : "<p>Services that keep consulting stale or unhelpful knowledge: "
                  + E(string.Join(", ", f.Services.Take(Shown).Select(s => string.Create(Invariant, $"{s.Service} ({s.Stale:N0} stale, {s.Unhelpful:N0} unhelpful of {s.Consultations:N0})")))) + ".</p>"));

        var c = m.Culture;
        Card(html, "Culture survey", (c.Score is null ? Empty("No survey imported: hindsight survey import FILE (date, team, question, score).")
            : string.Create(Invariant, $"<p><span data-figure=\"culture\">{Percent(c.Score)}</span> of the scale in {E(c.Quarter)}.</p>")
              + "<table><thead><tr><th>Team</th><th>Latest quarter</th><th class=\"n\">Score</th><th class=\"n\">Change</th></tr></thead><tbody>"
              + string.Concat(c.Teams.Take(Shown * 2).Select(t => string.Create(Invariant,
                  $"<tr><td>{E(t.Team)}</td><td>{E(t.Quarters[^1].Quarter)}</td><td class=\"n\">{Percent(t.Quarters[^1].Score)}</td><td class=\"n\">{(t.Change is { } d ? (d * 100).ToString("+0;-0;0", Invariant) + " pts" : "—")}</td></tr>")))
              + "</tbody></table>")
            + "<p class=\"muted\">What people answered, shown beside the measured indicators; never part of the maturity level.</p>");
    }

    private static string Day(DateTimeOffset? at) => at is { } t ? t.ToString("yyyy-MM-dd", Invariant) : "—";
}
