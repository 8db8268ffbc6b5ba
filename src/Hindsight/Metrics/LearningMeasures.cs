using Hindsight.AlertHistory;
using Hindsight.Confirmations;
using Hindsight.Culture;
using Hindsight.Incidents;
using Hindsight.Knowledge;

namespace Hindsight.Metrics;

/// <summary>
/// The measures of the learning model beyond time and recurrence (SPEC §3): alert noise, knowledge freshness,
/// root-cause accuracy, knowledge reuse (generalisation and organisational learning efficiency), capability
/// improvement and culture. Each says what it is missing rather than show a flattering default.
/// </summary>
/// <param name="Alerts">Alert noise per rule.</param>
/// <param name="Freshness">Runbook and knowledge freshness.</param>
/// <param name="RootCause">Root-cause accuracy from confirmations.</param>
/// <param name="Reuse">Knowledge generalisation and organisational learning efficiency.</param>
/// <param name="Capability">Capability improvement on similar incidents.</param>
/// <param name="Culture">Culture maturity from surveys (never part of the maturity level).</param>
public sealed record LearningMeasures(
    AlertNoiseReport Alerts,
    FreshnessReport Freshness,
    RootCauseAccuracyReport RootCause,
    KnowledgeReuseReport Reuse,
    CapabilityReport Capability,
    CultureReport Culture)
{
    /// <summary>Computes every measure.</summary>
    /// <param name="incidents">The incidents in scope.</param>
    /// <param name="alerts">The alert firings in scope.</param>
    /// <param name="confirmations">The confirmations in scope.</param>
    /// <param name="surveys">The survey answers in scope.</param>
    /// <param name="now">The time measured at.</param>
    /// <param name="reuseIncidents">Where the learnings of <paramref name="incidents"/> may be reused, when wider (a team's report: the organisation's incidents).</param>
    public static LearningMeasures Of(
        IReadOnlyList<Incident> incidents,
        IReadOnlyList<AlertFiring> alerts,
        IReadOnlyList<Confirmation> confirmations,
        IReadOnlyList<SurveyResponse> surveys,
        DateTimeOffset now,
        IReadOnlyList<Incident>? reuseIncidents = null)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        var alertNoise = Task.Run(() => AlertNoise.Of(alerts, incidents));
        var scope = reuseIncidents is null ? null : incidents.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var reuse = Task.Run(() => scope is null ? KnowledgeReuse.Of(incidents) : KnowledgeReuse.Of(reuseIncidents!, i => scope.Contains(i.Id)));
        return new LearningMeasures(
            alertNoise.Result,
            KnowledgeFreshness.Of(incidents, now),
            RootCauseAccuracy.Of(confirmations),
            reuse.Result,
            CapabilityImprovement.Of(incidents),
            CultureSurvey.Of(surveys));
    }
}
