using System.Text;
using Hindsight.Application.Learning;
using Hindsight.Reports;
using static Hindsight.Server.Dashboard.Html;

namespace Hindsight.Server.Dashboard.Pages;

/// <summary>Is the organisation learning? Maturity with its reason and next step, the learning metrics and their trends.</summary>
internal static class OverviewPage
{
    public static string Body(ReportDocument r)
    {
        var html = new StringBuilder();
        Maturity(html, r.Maturity.Count > 0 ? r.Maturity[0] : null);
        var l = r.Learning;
        html.Append("<section class=\"tiles\" aria-label=\"Learning metrics\">");
        Tile(html, "Median time to resolve", Minutes(r.Time.GetValueOrDefault("time_to_resolve")?.MedianMinutes), Trend(r.Trends.TimeToResolveMedian, "should fall"), "mttr");
        Tile(html, "Median time to detect", Minutes(r.Time.GetValueOrDefault("time_to_detect")?.MedianMinutes), Trend(r.Trends.TimeToDetectMedian, "should fall"), "mttd");
        Rate(html, "Recurrence", l.RecurrenceRate, "repeat an earlier root cause; target under 10 %", "recurrence");
        Tile(html, "Learning velocity", l.LearningVelocity?.ToString("0.00", Invariant) ?? "—", l.LearningVelocity is null ? l.LearningVelocityMissing ?? "" : "0 to 1; higher learns faster", "velocity");
        Rate(html, "Knowledge utilisation", l.KnowledgeUtilisationRate, "past knowledge consulted when it existed", "utilisation");
        Rate(html, "Knowledge application", l.KnowledgeApplicationRate, "consulted items that helped", "application");
        Rate(html, "Adaptation success", l.AdaptationSuccessRate, "tested hypotheses that were confirmed", "adaptation");
        Rate(html, "Improvements implemented", l.ImprovementImplementationRate, "action items done of those due", "implementation");
        Rate(html, "Root-cause accuracy", r.Measures.RootCauseAccuracy.Accuracy, "suggested failure modes people confirmed", "root-cause-accuracy");
        Rate(html, "Knowledge generalisation", r.Measures.KnowledgeReuse.Generalisation, "learnings reused on another service or team", "generalisation");
        Rate(html, "Organisational learning", r.Measures.KnowledgeReuse.OrganisationalLearningEfficiency, "learnings reused by another team", "organisational-learning");
        var capability = r.Measures.CapabilityImprovement;
        Tile(html, "Capability improvement", capability.ResolveFaster is { } faster ? (faster >= 0 ? Percent(faster) + " faster" : Percent(-faster) + " slower") : "—",
            capability.Missing is { } why ? "not measurable: " + why : "the same failure mode resolved, later incidents against earlier", "capability");
        Tile(html, "Response efficiency", l.ResponseEfficiencyRatio?.ToString("0.00", Invariant) ?? "—", l.ResponseEfficiencyRatio is null ? l.ResponseEfficiencyMissing ?? "" : "time to resolve over similar past incidents; below 1 is faster", "efficiency");
        html.Append("</section><div class=\"grid\">");
        Chart(html, "Time to resolve by quarter (median, minutes)", r.Trends.TimeToResolveMedian, v => Minutes(v));
        Chart(html, "Time to detect by quarter (median, minutes)", r.Trends.TimeToDetectMedian, v => Minutes(v));
        Chart(html, "Recurrence by quarter", r.Trends.RecurrenceRate, v => Percent(v));
        Card(html, "Learning velocity by quarter", l.LearningVelocityByQuarter.Count < 2
            ? Empty(l.LearningVelocity is null ? $"Not measurable: {l.LearningVelocityMissing}." : "Fewer than two quarters of history.")
            : Svg.Line([.. l.LearningVelocityByQuarter.Select(q => (q.Quarter, q.Score))], v => v.ToString("0.00", Invariant), 520, 200));
        html.Append("</div>");
        return html.ToString();
    }

    private static void Maturity(StringBuilder html, MaturityFigure? m)
    {
        var body = new StringBuilder();
        if (m?.Level is not { } level)
        {
            body.Append(Empty("The maturity level cannot be placed: none of recurrence, knowledge utilisation or improvement implementation can be measured from this history."));
        }
        else
        {
            body.Append(Invariant, $"<p class=\"level\" data-figure=\"maturity-level\">Level {level} · {E(m.Name)}</p>");
            if (m.HeldBackBy.Count > 0)
            {
                body.Append(Invariant, $"<p>Held back by {E(string.Join(" and ", m.HeldBackBy.Select(Plain)))}.</p>");
            }

            if (m.Advice is { } advice)
            {
                body.Append(Invariant, $"<p><strong>Next step:</strong> {E(advice)}</p>");
            }
        }

        if (m is not null)
        {
            body.Append("<table><thead><tr><th>Indicator</th><th class=\"n\">Value</th><th class=\"n\">Level</th><th>Next level needs</th></tr></thead><tbody>");
            foreach (var i in m.Indicators)
            {
                body.Append(Invariant, $"<tr><td>{E(Plain(i.Indicator))}</td><td class=\"n\">{(i.Value is { } v ? Percent(v) : "—")}</td><td class=\"n\">{i.Level?.ToString(Invariant) ?? "—"}</td><td>{E(i.Missing is null ? i.NextLevelNeeds ?? "top level" : "not measurable: " + i.Missing)}</td></tr>");
            }

            body.Append("</tbody></table>");
        }

        Card(html, "Maturity", body.ToString(), "wide");
    }

    private static void Chart(StringBuilder html, string title, TrendFigure trend, Func<double, string> format) =>
        Card(html, title, trend.Quarters.Count < 2 ? Empty("Fewer than two quarters with this figure.") : Svg.Line([.. trend.Quarters.Select(q => (q.Quarter, q.Value))], format, 520, 200));

    private static void Tile(StringBuilder html, string name, string value, string note, string figure) =>
        html.Append(Invariant, $"<div class=\"tile\"><div class=\"name\">{E(name)}</div><div class=\"value\" data-figure=\"{figure}\">{E(value)}</div><div class=\"note\">{E(note)}</div></div>");

    private static void Rate(StringBuilder html, string name, RateFigure rate, string note, string figure) =>
        Tile(html, name, Percent(rate.Value), rate.Value is null ? "not measurable: " + rate.Missing : note, figure);

    private static string Trend(TrendFigure t, string goal) => t.Direction is null || t.ChangePerYear is null
        ? goal
        : $"{t.Direction} {Math.Abs(t.ChangePerYear.Value).ToString("0%", Invariant)} a year; {goal}";

    /// <summary>An indicator's name in words.</summary>
    public static string Plain(string name) => name.Replace("_rate", "", StringComparison.Ordinal).Replace('_', ' ');
}
