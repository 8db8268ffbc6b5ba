using Hindsight.Drills;
using Hindsight.Incidents;

namespace Hindsight.Metrics;

/// <summary>
/// Coverage expansion (the seed's "new regression tests / quarter"): regression-test action items per quarter of
/// their creation (or, without a creation date, of the incident's start), plus the regression tests teams designed in
/// graded drills, per quarter of the drill.
/// </summary>
public static class CoverageExpansion
{
    /// <summary>Per quarter: regression tests from incidents, from drills, and in all.</summary>
    public static IReadOnlyList<(string Quarter, int FromIncidents, int FromDrills)> ByQuarter(IEnumerable<Incident> incidents, IEnumerable<DrillRecord> drills)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        ArgumentNullException.ThrowIfNull(drills);
        var fromIncidents = incidents
            .SelectMany(i => i.ActionItems.Where(a => a.Kind == ActionItemKind.RegressionTest).Select(a => TimeMetrics.Quarter(a.CreatedAt ?? i.StartedAt)))
            .GroupBy(q => q, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var fromDrills = drills.GroupBy(d => TimeMetrics.Quarter(d.GradedAt), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(d => d.RegressionTests.Count), StringComparer.Ordinal);
        return [.. fromIncidents.Keys.Union(fromDrills.Keys).Order(StringComparer.Ordinal)
            .Select(q => (q, fromIncidents.GetValueOrDefault(q), fromDrills.GetValueOrDefault(q)))];
    }
}
