using System.Text;
using Hindsight.Application.Incidents;
using Hindsight.Application.Retrieval;
using Hindsight.Incidents;
using static Hindsight.Server.Dashboard.Html;

namespace Hindsight.Server.Dashboard.Pages;

/// <summary>Which incidents happened, and for one of them: what happened, what is like it, what helped, whom to call.</summary>
internal static class IncidentPages
{
    public static string List(IncidentFilter filter, IncidentPage page, string? query)
    {
        var html = new StringBuilder();
        html.Append("<form class=\"filters\" method=\"get\" action=\"/incidents\" role=\"search\">");
        html.Append(Invariant, $"<label>Words <input type=\"search\" name=\"text\" value=\"{E(filter.Text)}\" placeholder=\"pool exhausted\" autofocus></label>");
        html.Append(Invariant, $"<label>Service <input name=\"service\" value=\"{E(filter.Services.Count > 0 ? filter.Services[0] : null)}\"></label>");
        html.Append("<label>Severity <select name=\"severity\"><option value=\"\">any</option>");
        foreach (var s in new[] { "SEV0", "SEV1", "SEV2", "SEV3" })
        {
            html.Append(Invariant, $"<option{(string.Equals(filter.Severity, s, StringComparison.OrdinalIgnoreCase) ? " selected" : "")}>{s}</option>");
        }

        html.Append("</select></label>");
        html.Append(Invariant, $"<label>From <input type=\"date\" name=\"since\" value=\"{E(filter.Since)}\"></label><label>Before <input type=\"date\" name=\"until\" value=\"{E(filter.Until)}\"></label>");
        html.Append("<button type=\"submit\">Search</button></form>");
        html.Append(Invariant, $"<p class=\"count\" data-figure=\"matched\">{page.Matched:N0} incident(s) match, newest first.</p>");
        if (page.Incidents.Count == 0)
        {
            html.Append(Empty("No incident matches these filters."));
            return html.ToString();
        }

        html.Append("<table class=\"incidents\"><thead><tr><th>Id</th><th>Title</th><th>Severity</th><th>Services</th><th>Started</th><th class=\"n\">Resolved in</th></tr></thead><tbody>");
        foreach (var i in page.Incidents)
        {
            html.Append(Invariant, $"<tr><td><a href=\"/incidents/{U(i.Id)}\">{E(i.Id)}</a></td><td>{E(i.Title)}</td><td>{Severity(i.Severity)}</td><td>{E(string.Join(", ", i.Services))}</td><td>{(i.Undated ? "undated" : Day(i.StartedAt))}</td><td class=\"n\">{Minutes(i.Durations.TimeToResolve?.TotalMinutes)}</td></tr>");
        }

        html.Append("</tbody></table>");
        if (page.NextCursor is { } next)
        {
            html.Append(Invariant, $"<p><a class=\"more\" rel=\"next\" href=\"/incidents?{query}{(query is { Length: > 0 } ? "&" : "")}cursor={U(next)}\">Older incidents →</a></p>");
        }

        return html.ToString();
    }

    public static string Detail(HttpContext http, Incident i, SuggestionResult suggestion, bool mayWrite, string? judged)
    {
        var html = new StringBuilder();
        html.Append(Invariant, $"<p class=\"facts\">{Severity(i.Severity)} · {E(string.Join(", ", i.Services))}{(i.Team is null ? "" : " · team " + E(i.Team))}{(i.FailureMode is null ? "" : " · " + E(i.FailureMode))}{string.Concat(i.Tags.Select(t => " <span class=\"tag\">" + E(t) + "</span>"))}</p>");
        var d = i.Durations;
        html.Append(Invariant, $"<p class=\"facts\">{(i.Undated ? "Undated (no start time recorded)" : "Started " + Stamp(i.StartedAt))} · detected after {Minutes(d.TimeToDetect?.TotalMinutes)} · resolved after {(i.ResolvedAt is null ? "— (open)" : Minutes(d.TimeToResolve?.TotalMinutes))}</p>");
        html.Append(Invariant, $"<p><a href=\"/incidents/{U(i.Id)}/postmortem.md\">Postmortem draft (Markdown)</a></p>");
        Similar(html, http, i, suggestion, mayWrite, judged);
        html.Append("<div class=\"grid\">");
        Card(html, "Summary", string.IsNullOrWhiteSpace(i.Summary) ? Empty("No summary recorded.") : $"<p class=\"pre\">{E(i.Summary)}</p>");
        Card(html, "Timeline", i.Timeline.Count == 0 ? Empty("No timeline recorded.") : List(i.Timeline.Select(t => $"<time>{Stamp(t.At)}</time> {E(t.Text)}")));
        Card(html, "Responders", i.Responders.Count == 0 ? Empty("No responder recorded.") : List(i.Responders.Select(r => E(r.Role is null ? r.Name : $"{r.Name} ({r.Role.Replace('_', ' ')})"))));
        Card(html, "Actions taken", i.Actions.Count == 0 ? Empty("No action recorded.") : List(i.Actions.Select(a => E(a.Description) + a.Helped switch { true => " <span class=\"good\">helped</span>", false => " <span class=\"bad\">did not help</span>", null => "" })));
        Card(html, "Hypotheses", i.Hypotheses.Count == 0 ? Empty("No hypothesis recorded.") : List(i.Hypotheses.Select(h => $"{E(h.Description)}{(h.Test is null ? "" : " — tested by " + E(h.Test))} <span class=\"tag\">{E(h.Outcome.ToString().ToLowerInvariant())}</span>")));
        Card(html, "Root causes", i.RootCauses.Count == 0 ? Empty("No contributing factor recorded.") : List(i.RootCauses.Select(r => $"<span class=\"tag\">{E(r.Kind.ToString().ToLowerInvariant())}</span> {E(r.Description)}")));
        Card(html, "Action items", i.ActionItems.Count == 0 ? Empty("No follow-up action item recorded.") : List(i.ActionItems.Select(a =>
            $"<span class=\"tag\">{E(a.Kind.ToString().ToLowerInvariant())}</span> {E(a.Title)} — {E(a.Status.ToString().ToLowerInvariant())}{(a.Owner is null ? "" : ", " + E(a.Owner))}{(a.DueAt is { } due ? ", due " + Day(due) : "")}")));
        if (i.Consulted.Count > 0)
        {
            Card(html, "Consulted", List(i.Consulted.Select(k => $"{E(k.Kind)}: {Href(k.Ref)}")));
        }

        html.Append("</div>");
        return html.ToString();
    }

    private static void Similar(StringBuilder html, HttpContext http, Incident i, SuggestionResult s, bool mayWrite, string? judged)
    {
        var body = new StringBuilder();
        if (judged is not null)
        {
            body.Append(Invariant, $"<p class=\"notice\" role=\"status\">Thank you: your judgement of {E(judged)} is recorded, and the ranking has learned from it.</p>");
        }

        if (s.Similar.Count == 0)
        {
            body.Append(Empty("No similar past incident found."));
        }
        else
        {
            body.Append("<ol class=\"similar\">");
            foreach (var m in s.Similar)
            {
                body.Append(Invariant, $"<li><a href=\"/incidents/{U(m.Id)}\">{E(m.Id)}</a> {E(m.Title)} <span class=\"muted\">{(m.StartedAt is null ? "undated" : Day(m.StartedAt))} · score {m.Score:0.00}</span>");
                body.Append(Invariant, $"<div class=\"why\">Why: {E(m.Why.Summary)}</div>");
                if (mayWrite)
                {
                    body.Append(Invariant, $"<form method=\"post\" action=\"/incidents/{U(i.Id)}/feedback\" class=\"judge\">{Token(http)}<input type=\"hidden\" name=\"result\" value=\"{E(m.Id)}\">");
                    body.Append(Invariant, $"<button name=\"relevant\" value=\"true\" aria-label=\"{E(m.Id)} helped\">Helped</button><button name=\"relevant\" value=\"false\" aria-label=\"{E(m.Id)} is not similar\">Not similar</button></form>");
                }

                body.Append("</li>");
            }

            body.Append("</ol>");
            if (!mayWrite)
            {
                body.Append("<p class=\"muted\">Sign in with a key of scope write to teach the ranking (helped / not similar).</p>");
            }
        }

        body.Append("<h3>What helped in them</h3>");
        body.Append(s.Actions.Count == 0 ? Empty("No action is recorded as having helped in the similar incidents.")
            : List(s.Actions.Select(a => $"{E(a.Action)} <span class=\"muted\">helped {a.Helped} time(s) in {a.Tried} tries · {E(string.Join(", ", a.Incidents.Take(4)))}</span>")));
        body.Append("<h3>Whom to call</h3>");
        body.Append(s.Experts.Count == 0 ? Empty("No responder of the similar incidents is recorded.")
            : List(s.Experts.Select(e => $"{E(e.Name)} <span class=\"muted\">{e.Incidents} similar incident(s), last {(e.LastResponded is null ? "undated" : Day(e.LastResponded))}</span>")));
        if (s.Efficiency is { } eff)
        {
            body.Append(Invariant, $"<p>Response efficiency <strong>{eff.Ratio:0.00}</strong>: {(eff.Open ? "open for" : "resolved in")} {Minutes(eff.Minutes)} against a median of {Minutes(eff.SimilarMedianMinutes)} over {eff.SimilarResolved} similar incident(s) (below 1 is faster).</p>");
        }

        Card(html, "Similar incidents", body.ToString(), "wide", "similar");
    }

    private static string Severity(Severity? s) => s is { } v ? $"<span class=\"sev sev{(int)v}\">{SeverityText.Format(v)}</span>" : "<span class=\"sev\">—</span>";

    private static string List(IEnumerable<string> items) => "<ul>" + string.Concat(items.Select(i => "<li>" + i + "</li>")) + "</ul>";
}
