using Hindsight.Metrics;

namespace Hindsight.Culture;

/// <summary>
/// Culture maturity (SPEC §3 organisational learning: a survey score as input): each team's mean answer per quarter,
/// as a fraction of its scale (score / scale top), and the change from its first surveyed quarter to its last. It is
/// shown beside the measured indicators and never enters the maturity level.
/// </summary>
public static class CultureSurvey
{
    /// <summary>The culture report of <paramref name="answers"/>.</summary>
    public static CultureReport Of(IReadOnlyList<SurveyResponse> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (answers.Count == 0)
        {
            return new CultureReport(null, null, 0, [], "no culture survey imported ('hindsight survey import FILE': date, team, question, score)");
        }

        var teams = answers
            .GroupBy(a => a.Team.Trim(), StringComparer.OrdinalIgnoreCase)
            .Select(g =>
            {
                var quarters = g.GroupBy(a => TimeMetrics.Quarter(a.TakenAt), StringComparer.Ordinal)
                    .OrderBy(q => q.Key, StringComparer.Ordinal)
                    .Select(q => new QuarterCulture(q.Key, Math.Round(q.Average(a => a.Score / a.ScaleMax), 4), q.Count()))
                    .ToList();
                return new TeamCulture(g.First().Team.Trim(), quarters, quarters.Count < 2 ? null : Math.Round(quarters[^1].Score - quarters[0].Score, 4));
            })
            .OrderBy(t => t.Team, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var latest = TimeMetrics.Quarter(answers.Max(a => a.TakenAt));
        var inLatest = answers.Where(a => TimeMetrics.Quarter(a.TakenAt) == latest).ToList();
        return new CultureReport(Math.Round(inLatest.Average(a => a.Score / a.ScaleMax), 4), latest, answers.Count, teams, null);
    }
}
