using System.Text.Json.Serialization;
using Hindsight.History;

namespace Hindsight.Incidents;

/// <summary>An incident with everything known about it: what happened, who responded, what was learned.</summary>
public sealed record Incident : HistoryRecord
{
    /// <summary>The source's own key (unique per organisation).</summary>
    public string Id { get; init; } = "";

    /// <summary>A one-line title.</summary>
    public string Title { get; init; } = "";

    /// <summary>Free-text summary, in any language.</summary>
    public string? Summary { get; init; }

    /// <summary>Severity, if assessed.</summary>
    public Severity? Severity { get; init; }

    /// <summary>The team or department that owns the incident.</summary>
    public string? Team { get; init; }

    /// <summary>The services affected.</summary>
    public IReadOnlyList<string> Services { get; init; } = [];

    /// <summary>Free tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The failure mode or category (e.g. <c>bad-deploy</c>, <c>certificate-expiry</c>).</summary>
    public string? FailureMode { get; init; }

    /// <summary>Contributing factors in four kinds.</summary>
    public IReadOnlyList<RootCause> RootCauses { get; init; } = [];

    /// <summary>When the failure started (impact began); unset when the incident is <see cref="Undated"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>
    /// True for an incident known only as a narrative, without a start time (a public postmortem, an old write-up): it
    /// is stored, searched and classified, and left out of every time-based figure, which says how many it left out.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Undated { get; init; }

    /// <summary>When it was detected (alert fired or report received).</summary>
    public DateTimeOffset? DetectedAt { get; init; }

    /// <summary>When a responder acknowledged it.</summary>
    public DateTimeOffset? AcknowledgedAt { get; init; }

    /// <summary>When the impact was mitigated.</summary>
    public DateTimeOffset? MitigatedAt { get; init; }

    /// <summary>When it was fully resolved.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>The people who responded, with their roles.</summary>
    public IReadOnlyList<Responder> Responders { get; init; } = [];

    /// <summary>What was done during the response and whether it helped.</summary>
    public IReadOnlyList<ActionTaken> Actions { get; init; } = [];

    /// <summary>Hypotheses tried and their outcomes.</summary>
    public IReadOnlyList<Hypothesis> Hypotheses { get; init; } = [];

    /// <summary>Follow-up action items.</summary>
    public IReadOnlyList<ActionItem> ActionItems { get; init; } = [];

    /// <summary>Ids of the deployments linked to the incident.</summary>
    public IReadOnlyList<string> Deployments { get; init; } = [];

    /// <summary>Links to other incidents (duplicate, related).</summary>
    public IReadOnlyList<IncidentLink> Links { get; init; } = [];

    /// <summary>Past incidents, runbooks and documents consulted while responding.</summary>
    public IReadOnlyList<KnowledgeReference> Consulted { get; init; } = [];

    /// <summary>Ids of risks in the risk register this incident is an occurrence of.</summary>
    public IReadOnlyList<string> Risks { get; init; } = [];

    /// <summary>Timeline entries.</summary>
    public IReadOnlyList<TimelineEntry> Timeline { get; init; } = [];

    /// <summary>Where the record came from.</summary>
    public Provenance? Source { get; init; }

    /// <inheritdoc />
    [JsonIgnore]
    public override RecordKind Kind => RecordKind.Incident;

    /// <inheritdoc />
    [JsonIgnore]
    public override string Key => Id;

    /// <inheritdoc />
    [JsonIgnore]
    public override DateTimeOffset? At => Undated ? null : StartedAt;

    /// <summary>What analyses derived from the incident once (not part of its value).</summary>
    internal AnalysisMemo Memo;

    /// <summary>The durations derived from the timestamps.</summary>
    [JsonIgnore]
    public IncidentDurations Durations => IncidentDurations.Of(this);
}
