using System.Globalization;
using Hindsight.Incidents;

namespace Hindsight.Application.Learning;

/// <summary>Writes the few-line learning summary from the report's figures (nothing is computed twice).</summary>
internal static class LearningSummaries
{
    public static LearningSummary Of(ReportDocument report)
    {
        var maturity = report.Maturity.Count > 0 ? report.Maturity[0] : null;
        var l = report.Learning;
        var rates = new Dictionary<string, RateFigure>
        {
            ["knowledge_utilisation_rate"] = l.KnowledgeUtilisationRate,
            ["knowledge_application_rate"] = l.KnowledgeApplicationRate,
            ["adaptation_success_rate"] = l.AdaptationSuccessRate,
            ["improvement_implementation_rate"] = l.ImprovementImplementationRate,
            ["improvement_effectiveness"] = l.ImprovementEffectiveness,
            ["prevention_effect_rate"] = l.PreventionEffectRate,
            ["readiness"] = l.Readiness,
        };
        foreach (var (name, rate) in report.Measures.Rates())
        {
            rates[name] = rate;
        }

        var resolve = Figure(report.Time.GetValueOrDefault("time_to_resolve")?.MedianMinutes, report.Trends.TimeToResolveMedian);
        var detect = Figure(report.Time.GetValueOrDefault("time_to_detect")?.MedianMinutes, report.Trends.TimeToDetectMedian);
        var recurrence = Figure(l.RecurrenceRate.Value, report.Trends.RecurrenceRate);
        var lines = new List<string>();
        if (maturity?.Level is { } level)
        {
            var held = maturity.HeldBackBy.Count > 0 ? $", held back by {string.Join(" and ", maturity.HeldBackBy.Select(Plain))}" : "";
            lines.Add($"Maturity: level {level} ({maturity.Name}){held}.{(maturity.Advice is { } a ? " Next step: " + a : "")}");
        }
        else
        {
            lines.Add("Maturity: cannot be placed yet — none of recurrence, knowledge utilisation or improvement implementation can be measured from this history.");
        }

        lines.Add($"{report.Incidents:N0} incidents{UndatedNote.Of(report.Undated)}. Median time to resolve {Minutes(resolve.Value)}{Trend(resolve)}; to detect {Minutes(detect.Value)}{Trend(detect)}.");
        lines.Add(l.RecurrenceRate.Value is { } r
            ? $"Recurrence: {Percent(r)} of judged incidents repeat an earlier root cause{Trend(recurrence)} (the target is under 10 %)."
            : $"Recurrence: not measurable — {l.RecurrenceRate.Missing}.");
        lines.Add(l.LearningVelocity is { } v
            ? $"Learning velocity: {v.ToString("0.00", CultureInfo.InvariantCulture)} (0 to 1, higher is faster learning)."
            : $"Learning velocity: not measurable — {l.LearningVelocityMissing}.");
        var measured = rates.Where(x => x.Value.Value is not null).Select(x => $"{Plain(x.Key)} {Percent(x.Value.Value!.Value)}").ToList();
        if (measured.Count > 0)
        {
            lines.Add("Rates: " + string.Join(", ", measured) + ".");
        }

        if (report.Measures.AlertNoise.Noisiest.Count > 0)
        {
            lines.Add($"Noisiest alert rules (most firings led to no incident): {string.Join(", ", report.Measures.AlertNoise.Noisiest)}.");
        }

        if (report.Measures.Culture.Score is { } culture)
        {
            lines.Add($"Culture survey (answers, not a measured indicator): {Percent(culture)} of the scale in {report.Measures.Culture.Quarter}.");
        }

        var missing = rates.Where(x => x.Value.Value is null).Select(x => Plain(x.Key)).ToList();
        if (missing.Count > 0)
        {
            lines.Add("Not measurable from this history: " + string.Join(", ", missing) + ".");
        }

        return new LearningSummary(report.Organisation, report.Incidents, maturity, resolve, detect, recurrence, l.LearningVelocity, rates, lines);
    }

    private static SummaryFigure Figure(double? value, TrendFigure trend) => new(value, trend.Direction, trend.ChangePerYear);

    private static string Trend(SummaryFigure f) => f.Direction is null || f.ChangePerYear is null
        ? ""
        : f.Direction == "flat" ? ", flat" : $", {f.Direction} {Math.Abs(f.ChangePerYear.Value).ToString("0%", CultureInfo.InvariantCulture)} a year";

    private static string Plain(string name) => name.Replace("_rate", "", StringComparison.Ordinal).Replace('_', ' ');

    private static string Percent(double value) => value.ToString("0.#%", CultureInfo.InvariantCulture);

    private static string Minutes(double? minutes) => minutes switch
    {
        null => "unknown",
        < 120 => $"{minutes.Value:0} min",
        < 2880 => $"{minutes.Value / 60:0.#} h",
        _ => $"{minutes.Value / 1440:0.#} days",
    };
}
