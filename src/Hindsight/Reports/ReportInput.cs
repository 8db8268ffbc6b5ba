using Hindsight.Drills;
using Hindsight.History;
using Hindsight.Incidents;
using Hindsight.Organisations;

namespace Hindsight.Reports;

/// <summary>What a learning report is made from: one organisation's records, already filtered to the report's scope.</summary>
/// <param name="Organisation">The organisation.</param>
/// <param name="Incidents">Its incidents in scope (maintenance already left out when wanted).</param>
/// <param name="Deployments">Its deployments.</param>
/// <param name="Dependencies">Its service dependencies.</param>
/// <param name="Drills">Its graded drills.</param>
/// <param name="Now">The time the report is made at (overdue items, whole months).</param>
/// <param name="Since">The start of the report's period, when limited.</param>
/// <param name="Team">The team it is limited to, when limited.</param>
public sealed record ReportInput(
    string Organisation,
    IReadOnlyList<Incident> Incidents,
    IReadOnlyList<Deployment> Deployments,
    IReadOnlyList<ServiceDependency> Dependencies,
    IReadOnlyList<DrillRecord> Drills,
    DateTimeOffset Now,
    DateTimeOffset? Since = null,
    string? Team = null)
{
    /// <summary>Undated incidents of the same scope, left out of <see cref="Incidents"/> (every figure of a report is time-based or reads time order).</summary>
    public int Undated { get; init; }

    /// <summary>
    /// The incidents a learning may be reused in, when wider than <see cref="Incidents"/>: for a team's report, the whole
    /// organisation's (another team's reuse is what organisational learning counts); null: the incidents in scope.
    /// </summary>
    public IReadOnlyList<Incident>? ReuseIncidents { get; init; }

    /// <summary>Its alert firings in the period.</summary>
    public IReadOnlyList<AlertHistory.AlertFiring> Alerts { get; init; } = [];

    /// <summary>The confirmed failure modes of its incidents.</summary>
    public IReadOnlyList<Confirmations.Confirmation> Confirmations { get; init; } = [];

    /// <summary>Its culture-survey answers in the period (the team's, when limited to a team).</summary>
    public IReadOnlyList<Culture.SurveyResponse> Surveys { get; init; } = [];
}
