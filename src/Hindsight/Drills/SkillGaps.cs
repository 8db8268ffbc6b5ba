namespace Hindsight.Drills;

/// <summary>
/// What the drills of a team (or a person) show: the mean score per task and per archetype, weakest first; readiness =
/// archetypes drilled with a passing score / archetypes in the catalogue; regression tests designed per quarter.
/// </summary>
/// <param name="Drills">How many drills.</param>
/// <param name="ByTask">Mean score per task, weakest first.</param>
/// <param name="ByArchetype">Mean overall score per archetype, weakest first.</param>
/// <param name="Weak">The tasks and archetypes whose mean is below <see cref="Passing"/>.</param>
/// <param name="Prepared">Archetypes drilled at least once with a passing overall score.</param>
/// <param name="Expected">Archetypes in the catalogue (the scenarios a team should be ready for).</param>
/// <param name="RegressionTestsByQuarter">Regression tests designed in drills, per quarter (e.g. 2026-Q4).</param>
public sealed record SkillGaps(
    int Drills,
    IReadOnlyList<(string Task, double Mean)> ByTask,
    IReadOnlyList<(string Archetype, double Mean, int Drills)> ByArchetype,
    IReadOnlyList<string> Weak,
    int Prepared,
    int Expected,
    IReadOnlyList<(string Quarter, int Tests)> RegressionTestsByQuarter)
{
    /// <summary>The score below which a task or archetype is a gap.</summary>
    public const int Passing = 60;

    /// <summary>Prepared scenarios over expected scenarios (0–1).</summary>
    public double Readiness => Expected == 0 ? 0 : (double)Prepared / Expected;

    /// <summary>The gaps of a set of graded drills against a catalogue.</summary>
    public static SkillGaps Of(IReadOnlyList<DrillRecord> drills, IReadOnlyList<DrillArchetype> catalogue)
    {
        ArgumentNullException.ThrowIfNull(drills);
        ArgumentNullException.ThrowIfNull(catalogue);
        var byTask = drills.SelectMany(d => d.Scores).GroupBy(s => s.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, Math.Round(g.Average(s => s.Value), 1))).OrderBy(t => t.Item2).ThenBy(t => t.Key, StringComparer.Ordinal).ToList();
        var byArchetype = drills.GroupBy(d => d.Archetype, StringComparer.Ordinal)
            .Select(g => (g.Key, Math.Round(g.Average(d => d.Overall), 1), g.Count())).OrderBy(a => a.Item2).ThenBy(a => a.Key, StringComparer.Ordinal).ToList();
        var names = catalogue.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        var prepared = drills.Where(d => d.Overall >= Passing && names.Contains(d.Archetype)).Select(d => d.Archetype).Distinct(StringComparer.Ordinal).Count();
        var quarters = drills.GroupBy(d => $"{d.GradedAt.UtcDateTime.Year}-Q{((d.GradedAt.UtcDateTime.Month - 1) / 3) + 1}", StringComparer.Ordinal)
            .Select(g => (g.Key, g.Sum(d => d.RegressionTests.Count))).OrderBy(q => q.Key, StringComparer.Ordinal).ToList();
        return new SkillGaps(drills.Count, byTask, byArchetype,
            [.. byTask.Where(t => t.Item2 < Passing).Select(t => "task: " + t.Key), .. byArchetype.Where(a => a.Item2 < Passing).Select(a => "archetype: " + a.Key)],
            prepared, catalogue.Count, quarters);
    }
}
