using System.Globalization;
using System.Text;
using Hindsight.Application.Incidents;
using Hindsight.Application.Learning;
using Hindsight.Application.Postmortems;
using Hindsight.Application.Response;
using Hindsight.Application.Retrieval;
using Hindsight.Application.Risks;
using Hindsight.Application.Silos;
using Hindsight.Incidents;

namespace Hindsight.Agents;

/// <summary>The readable text of each tool's result: short, plain, with ids an assistant can pass to the next tool.</summary>
internal static class AgentText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Similar(SimilarResult r)
    {
        if (r.Similar.Count == 0)
        {
            return $"No similar past incident among {r.Indexed:N0} searched.";
        }

        var text = new StringBuilder($"{r.Similar.Count} similar past incident(s) among {r.Indexed:N0} searched, best first:\n");
        foreach (var s in r.Similar)
        {
            text.Append(Invariant, $"- {s.Id} (score {s.Score:0.00}, {Day(s.StartedAt)}, {s.Severity ?? "SEV?"}): {s.Title}\n  why: {Why(s.Why)}\n");
        }

        return text.ToString();
    }

    public static string Suggestion(SuggestionResult r)
    {
        var text = new StringBuilder();
        text.Append(r.For is { } i ? $"For {i.Id} ({i.Title}):\n" : "For the description given:\n");
        text.Append(r.Actions.Count == 0 ? "No action is recorded as having helped in the similar incidents.\n" : "Actions that helped in similar incidents, most reliable first:\n");
        foreach (var a in r.Actions)
        {
            text.Append(Invariant, $"- {a.Action} — helped {a.Helped} time(s) in {a.Tried} tries (estimated reliability {a.Reliability:P0}); in {string.Join(", ", a.Incidents.Take(5))}\n");
        }

        text.Append(r.Experts.Count == 0 ? "No responder of the similar incidents is recorded.\n" : "Whom to call (resolved similar incidents):\n");
        foreach (var e in r.Experts)
        {
            text.Append(Invariant, $"- {e.Name}{(e.Roles.Count > 0 ? $" ({string.Join(", ", e.Roles)})" : "")}: {e.Incidents} similar incident(s), last {Day(e.LastResponded)}\n");
        }

        if (r.Efficiency is { } eff)
        {
            text.Append(Invariant, $"Response efficiency: {eff.Ratio:0.00} — {(eff.Open ? "open for" : "resolved in")} {Minutes(eff.Minutes)} against a median of {Minutes(eff.SimilarMedianMinutes)} over {eff.SimilarResolved} similar resolved incident(s) (below 1 is faster).\n");
        }

        text.Append(Invariant, $"Similar incidents: {(r.Similar.Count == 0 ? "none" : string.Join(", ", r.Similar.Select(s => $"{s.Id} ({s.Score:0.00})")))}.");
        return text.ToString();
    }

    public static string Incident(Incident i)
    {
        var text = new StringBuilder();
        text.Append(Invariant, $"{i.Id} {(i.Severity is { } s ? SeverityText.Format(s) : "SEV?")}: {i.Title}\n");
        Line(text, "services", string.Join(", ", i.Services));
        Line(text, "team", i.Team);
        Line(text, "failure mode", i.FailureMode);
        Line(text, "started", Stamp(i.At));
        Line(text, "resolved", i.ResolvedAt is { } r ? Stamp(r) : "not yet");
        Line(text, "summary", i.Summary);
        List(text, "root causes", i.RootCauses.Select(r => $"[{r.Kind.ToString().ToLowerInvariant()}] {r.Description}"));
        List(text, "responders", i.Responders.Select(r => r.Role is null ? r.Name : $"{r.Name} ({r.Role})"));
        List(text, "actions", i.Actions.Select(a => a.Description + a.Helped switch { true => " (helped)", false => " (did not help)", null => "" }));
        List(text, "hypotheses", i.Hypotheses.Select(h => $"{h.Description}{(h.Test is null ? "" : $" — tested by: {h.Test}")} ({h.Outcome.ToString().ToLowerInvariant()})"));
        List(text, "action items", i.ActionItems.Select(a => $"[{a.Status.ToString().ToLowerInvariant()}] {a.Title} ({a.Kind.ToString().ToLowerInvariant()}{(a.Owner is null ? "" : ", " + a.Owner)}{(a.DueAt is { } d ? ", due " + Day(d) : "")})"));
        List(text, "timeline", i.Timeline.Select(t => $"{Stamp(t.At)} {t.Text}"));
        return text.ToString().TrimEnd();
    }

    public static string Page(IncidentPage page)
    {
        if (page.Incidents.Count == 0)
        {
            return "No incident matches.";
        }

        var text = new StringBuilder($"{page.Matched:N0} incident(s) match; newest first:\n");
        foreach (var i in page.Incidents)
        {
            text.Append(Invariant, $"- {i.Id} ({Day(i.At)}, {(i.Severity is { } s ? SeverityText.Format(s) : "SEV?")}, {string.Join(", ", i.Services)}): {i.Title}\n");
        }

        text.Append(page.NextCursor is null ? "That is all." : $"More: call again with cursor \"{page.NextCursor}\".");
        return text.ToString();
    }

    public static string Classification(ClassificationResult r) =>
        $"Failure mode, from {r.LearnedFrom:N0} labelled incidents: "
        + (r.FailureMode is null ? $"not sure (none reaches {r.NotSureBelow:P0} at twice the next one's confidence); candidates " : "")
        + string.Join(", ", r.Suggestions.Select(s => $"{s.FailureMode} ({s.Confidence:P0})"))
        + (r.Recorded is null ? "." : $". Recorded on the incident: {r.Recorded}.");

    public static string Silos(IReadOnlyList<SiloFigure> silos)
    {
        if (silos.Count == 0)
        {
            return "No knowledge silo is tracked. Silos are detected from response logs (who answered which questions); none is recorded, or no detection has run yet.";
        }

        var text = new StringBuilder($"{silos.Count} knowledge silo(s), most severe first:\n");
        foreach (var s in silos)
        {
            text.Append(Invariant, $"- {s.Expert} holds {s.Category}: {s.Level}, {s.Ratio:P0} of {s.TotalResponses} answers, {s.Status}; ");
            text.Append(s.Alternatives.Count > 0 ? $"others who answered: {string.Join(", ", s.Alternatives)}" : "nobody else answered").Append('\n');
        }

        return text.ToString();
    }

    public static string Risks(IReadOnlyList<RiskFigure> risks)
    {
        if (risks.Count == 0)
        {
            return "No risk in the register matches.";
        }

        var text = new StringBuilder($"{risks.Count} risk(s), highest priority first:\n");
        foreach (var r in risks)
        {
            text.Append(Invariant, $"- {r.Id} [{r.Level}; probability {r.Probability}, impact {r.Impact}] {r.Title} ({r.Category}; {r.Status}{(r.Owner is null ? "" : ", owner " + r.Owner)}{(r.ReviewOverdue ? ", review overdue" : "")})\n");
        }

        return text.ToString();
    }

    public static string Draft(PostmortemDraftResult r) =>
        $"Postmortem draft of {r.Incident} ({(r.RepeatOf is null ? "not a repeat" : "repeats " + r.RepeatOf)}; {r.Checklist.Count(c => c.Passed)} of {r.Checklist.Count} review checks met). "
        + "It is Markdown in Hindsight's postmortem format: save it as a .md file, edit it, and `hindsight ingest` it to store the changes.\n\n" + r.Markdown;

    public static string Review(PostmortemReviewResult r)
    {
        var text = new StringBuilder($"Review of {r.Incident}: {r.Passed} of {r.Passed + r.Failed} checks met.\n");
        foreach (var c in r.Checks)
        {
            text.Append(c.Passed ? "- [x] " : "- [ ] ").Append(c.Name.Replace('_', ' ')).Append(": ").Append(c.Detail).Append('\n');
        }

        return text.ToString();
    }

    public static string Noted(IncidentNoteResult r) =>
        $"{(r.Created ? "Recorded new incident" : "Updated incident")} {r.Incident.Id}.\n" + Incident(r.Incident);

    public static string Hypothesis(HypothesisResult r) =>
        $"{(r.Updated ? "Updated" : "Recorded")} hypothesis on {r.Incident}: {r.Hypothesis.Description} ({r.Hypothesis.Outcome.ToString().ToLowerInvariant()}). "
        + $"{r.Hypotheses.Count} hypothesis(es) on this incident"
        + (r.AdaptationSuccessRate is { } rate ? string.Create(Invariant, $"; {rate:P0} of those tested were confirmed.") : "; none tested yet.");

    public static string Feedback(FeedbackResult r) =>
        $"Recorded: {r.Result} is {(r.Relevant ? "" : "not ")}similar to {r.Query}. The ranking weights {(r.Changed ? "changed" : "did not change (nothing to learn from yet)")}; {r.Examples:N0} ranking pairs learned from in all.";

    public static string Confirmation(ConfirmationResult r) =>
        $"Recorded: {r.Incident} is {r.Confirmed}. {(r.Suggested is null ? "There was no suggestion (the classifier was not sure)." : $"The suggestion was {r.Suggested}: {(r.Correct ? "right" : "wrong")}.")}"
        + (r.RootCauseAccuracy.Value is { } v ? string.Create(Invariant, $" Root-cause accuracy is now {v:P0} ({r.RootCauseAccuracy.Part:0} of {r.RootCauseAccuracy.Whole:0} suggestions right).") : "");

    private static string Why(MatchReasons why) =>
        why.Summary + " [" + string.Join(", ", why.Features.Take(3).Select(f => string.Create(Invariant, $"{f.Key.Replace('_', ' ')} {f.Value:0.00}"))) + "]";

    private static void Line(StringBuilder text, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            text.Append(label).Append(": ").Append(value.Trim()).Append('\n');
        }
    }

    private static void List(StringBuilder text, string label, IEnumerable<string> items)
    {
        var list = items.ToList();
        if (list.Count > 0)
        {
            text.Append(label).Append(":\n");
            foreach (var item in list)
            {
                text.Append("- ").Append(item).Append('\n');
            }
        }
    }

    private static string Day(DateTimeOffset? t) => t?.UtcDateTime.ToString("yyyy-MM-dd", Invariant) ?? "undated";

    private static string Stamp(DateTimeOffset? t) => t?.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", Invariant) ?? "undated (no start time recorded)";

    private static string Minutes(double minutes) => minutes < 120 ? $"{minutes:0} min" : $"{minutes / 60:0.#} h";
}
